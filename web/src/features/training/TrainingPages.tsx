import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  MultiSelect,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useAuth } from "../../app/auth";
import { DateField } from "../../app/components/DateField";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { RequireRole } from "../../app/components/RequireRole";
import { bi, formatDate } from "../../app/format";
import { CasesTabs } from "../cases/CasesPage";
import {
  type AttemptResult,
  type MyState,
  TRAINING_MANAGERS,
  TRAINING_READERS,
  useAssign,
  useAttempt,
  useDashboard,
  useModule,
  useModules,
  useRunReminders,
  useStartedAttempt,
} from "./api";
import { DisclosureModules } from "./DisclosureModules";

const STATE_COLOR: Record<MyState["state"], string> = {
  not_assigned: "gray",
  due: "blue",
  overdue: "red",
  passed: "teal",
  expired: "orange",
};

/** My standing on a module as a badge (due date, overdue, passed until …). */
export function StateBadge({ mine }: { mine: MyState }) {
  const { t } = useTranslation("training");
  const extra =
    mine.state === "due" || mine.state === "overdue"
      ? ` ${formatDate(mine.dueAt)}`
      : mine.state === "passed" && mine.expiresAt
        ? ` ${t("until", { date: formatDate(mine.expiresAt) })}`
        : "";
  return (
    <Badge color={STATE_COLOR[mine.state]} variant="light" tt="none">
      {t(`state.${mine.state}`)}
      {extra}
    </Badge>
  );
}

/** Training modules built from the cases, with my status on each. */
export function TrainingListPage() {
  const { t } = useTranslation("training");
  const modules = useModules();
  return (
    <Stack>
      <CasesTabs />
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <ErrorAlert error={modules.error} />
      {modules.isLoading ? <Loader /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(modules.data?.items ?? []).map((m) => (
          <Card key={m.id} withBorder padding="md">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={`/cases/training/${m.slug}`} fw={600}>
                  {bi(m.title)}
                </Anchor>
                <StateBadge mine={m.mine} />
              </Group>
              <Text size="sm" lineClamp={3}>
                {bi(m.summary)}
              </Text>
              <Text size="xs" c="dimmed">
                {t("questions", { count: m.questionCount })} ·{" "}
                {t("passMark", { percent: m.settings.passPercent })}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** One module: read the lessons and the cases, then take the quiz; the result is recorded. */
export function TrainingModulePage() {
  const { slug } = useParams();
  const { t } = useTranslation("training");
  const module = useModule(slug);
  const [round, setRound] = useState(0);
  const started = useStartedAttempt(slug, round);
  const attempt = useAttempt();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [result, setResult] = useState<AttemptResult | null>(null);
  if (module.isLoading || started.isLoading) return <Loader />;
  if (module.error || !module.data) return <ErrorAlert error={module.error} />;
  if (started.error || !started.data) return <ErrorAlert error={started.error} />;
  const m = module.data;
  // The questions as this attempt shows them (options in the attempt's own order).
  const quiz = started.data.questions;
  const attemptId = started.data.attemptId;
  const allAnswered = quiz.every((q) => answers[q.id] !== undefined);

  async function submit() {
    const r = await attempt.mutateAsync({
      key: m.slug,
      attemptId,
      answers: quiz.map((q) => (answers[q.id] === undefined ? null : Number(answers[q.id]))),
    });
    setResult(r);
    notifications.show({
      color: r.passed ? "green" : "yellow",
      message: r.passed ? t("passed") : t("failed"),
    });
  }

  return (
    <Stack maw={900}>
      <CasesTabs />
      <PageHeader title={bi(m.title)} subtitle={bi(m.summary)} />
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t("lessons")}
        </Title>
        <List spacing={4}>
          {m.lessons.map((l) => (
            <List.Item key={l.en}>{bi(l)}</List.Item>
          ))}
        </List>
        <Text size="sm" mt="sm" fw={600}>
          {t("readCases")}
        </Text>
        <Stack gap={2}>
          {m.cases.map((c) => (
            <Anchor key={c.id} component={Link} to={`/cases/${c.slug}`} size="sm">
              {bi(c.title)}
            </Anchor>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="md" data-testid="quiz">
        <Title order={4} mb="sm">
          {t("quiz")}
        </Title>
        <Stack gap="lg">
          {quiz.map((q) => {
            const graded = result?.questions.find((g) => g.id === q.id);
            return (
              <Stack key={q.id} gap={4}>
                <Radio.Group
                  label={`${quiz.indexOf(q) + 1}. ${bi(q.prompt)}`}
                  value={answers[q.id] ?? null}
                  onChange={(v) => setAnswers({ ...answers, [q.id]: v })}
                  // After grading the answers stay as chosen and readable (not greyed out): the
                  // chosen one in green or red, the correct one marked.
                  readOnly={!!result}
                >
                  <Stack gap={4} mt={6}>
                    {q.options.map((o, j) => {
                      const chosen = answers[q.id] === String(j);
                      const correct = graded?.correct === j;
                      return (
                        <Radio
                          key={o.en}
                          value={String(j)}
                          color={graded ? (graded.right ? "teal" : "red") : undefined}
                          data-chosen={chosen ? "true" : undefined}
                          label={
                            <Text span size="sm" fw={graded && (chosen || correct) ? 600 : undefined}>
                              {bi(o)}
                              {graded && correct ? ` ${t("correctMark")}` : ""}
                            </Text>
                          }
                        />
                      );
                    })}
                  </Stack>
                </Radio.Group>
                {graded ? (
                  <Alert color={graded.right ? "teal" : "red"} py={6}>
                    <Text size="sm" fw={600}>
                      {graded.right ? t("right") : t("wrong", { answer: bi(q.options[graded.correct]) })}
                    </Text>
                    <Text size="sm">{bi(graded.explanation)}</Text>
                  </Alert>
                ) : null}
              </Stack>
            );
          })}
        </Stack>
        <ErrorAlert error={attempt.error} />
        {result ? (
          <Group mt="md">
            <Badge size="lg" color={result.passed ? "teal" : "red"} data-testid="quiz-result">
              {t("score", { score: result.score, max: result.maxScore, percent: result.percent })} ·{" "}
              {result.passed ? t("passed") : t("failed")}
            </Badge>
            <Button
              variant="default"
              onClick={() => {
                setResult(null);
                setAnswers({});
                // A new attempt, with its own order of the options.
                setRound((r) => r + 1);
              }}
            >
              {t("retry")}
            </Button>
          </Group>
        ) : (
          <Button mt="md" disabled={!allAnswered} loading={attempt.isPending} onClick={() => void submit()}>
            {t("submit")}
          </Button>
        )}
      </Paper>
    </Stack>
  );
}

/** The security office's view: completion by module and department, who is overdue, reminders. */
export function TrainingDashboardPage() {
  const { t } = useTranslation("training");
  const { hasRole } = useAuth();
  const dashboard = useDashboard(hasRole(...TRAINING_READERS));
  const modules = useModules();
  const reminders = useRunReminders();
  const assign = useAssign();
  const [moduleId, setModuleId] = useState<string | null>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const [department, setDepartment] = useState("");
  const [dueAt, setDueAt] = useState("");
  const d = dashboard.data;
  const manager = hasRole(...TRAINING_MANAGERS);

  return (
    <RequireRole roles={[...TRAINING_READERS]}>
      <Stack>
        <CasesTabs />
        <PageHeader
          title={t("dashboard.title")}
          subtitle={
            d
              ? t("dashboard.totals", {
                  assigned: d.totals.assigned,
                  completed: d.totals.completed,
                  overdue: d.totals.overdue,
                })
              : null
          }
          actions={
            <>
              <Button component="a" href="/api/training/records.csv" variant="default">
                {t("dashboard.csv")}
              </Button>
              {manager ? (
                <Button
                  loading={reminders.isPending}
                  onClick={async () => {
                    const r = await reminders.mutateAsync();
                    notifications.show({ message: t("dashboard.remindersSent", r) });
                  }}
                >
                  {t("dashboard.remindNow")}
                </Button>
              ) : null}
            </>
          }
        />
        <ErrorAlert error={dashboard.error ?? reminders.error} />
        <DisclosureModules manager={manager} />
        {d ? (
          <>
            <Paper withBorder p="md">
              <Title order={5} mb="xs">
                {t("dashboard.byModule")}
              </Title>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("dashboard.module")}</Table.Th>
                    <Table.Th>{t("dashboard.assigned")}</Table.Th>
                    <Table.Th>{t("dashboard.completed")}</Table.Th>
                    <Table.Th>{t("dashboard.overdue")}</Table.Th>
                    <Table.Th>{t("dashboard.passRate")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.modules.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/cases/training/${m.slug}`} size="sm">
                          {bi(m.title)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{m.assigned}</Table.Td>
                      <Table.Td>{m.completed}</Table.Td>
                      <Table.Td c={m.overdue > 0 ? "red" : undefined}>{m.overdue}</Table.Td>
                      <Table.Td>{m.passRate === null ? "—" : `${m.passRate}%`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Paper withBorder p="md">
                <Title order={5} mb="xs">
                  {t("dashboard.byDepartment")}
                </Title>
                <Table>
                  <Table.Tbody>
                    {d.departments.map((x) => (
                      <Table.Tr key={x.department ?? ""}>
                        <Table.Td>{x.department ?? t("dashboard.noDepartment")}</Table.Td>
                        <Table.Td>
                          {x.completed}/{x.assigned}
                        </Table.Td>
                        <Table.Td c={x.overdue > 0 ? "red" : undefined}>
                          {t("dashboard.overdueCount", { count: x.overdue })}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
              <Paper withBorder p="md" data-testid="overdue-list">
                <Title order={5} mb="xs">
                  {t("dashboard.overduePeople")}
                </Title>
                {d.overdue.length === 0 ? <Text c="dimmed">{t("dashboard.noneOverdue")}</Text> : null}
                <Stack gap={4}>
                  {d.overdue.map((o) => (
                    <Group key={o.assignmentId} gap="xs" wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {o.displayName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {o.department}
                      </Text>
                      <Text size="sm">{bi(o.moduleTitle)}</Text>
                      <Text size="sm" c="red" style={{ whiteSpace: "nowrap" }}>
                        {t("dashboard.daysOverdue", { count: o.daysOverdue })}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t("dashboard.reminders", { count: o.reminders })}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Paper>
            </SimpleGrid>
          </>
        ) : (
          <Loader />
        )}
        {manager ? (
          <Paper withBorder p="md">
            <Title order={5} mb="xs">
              {t("dashboard.assign")}
            </Title>
            <Group align="flex-end">
              <Select
                label={t("dashboard.module")}
                w={320}
                value={moduleId}
                onChange={setModuleId}
                data={(modules.data?.items ?? []).map((m) => ({ value: m.id, label: bi(m.title) }))}
              />
              <MultiSelect
                label={t("dashboard.roles")}
                w={260}
                value={roles}
                onChange={setRoles}
                data={["applicant", "unit_officer", "secretariat", "approver", "auditor", "admin"].map(
                  (r) => ({
                    value: r,
                    label: t(`roles.${r}`, { ns: "common" }),
                  }),
                )}
              />
              <TextInput
                label={t("dashboard.department")}
                value={department}
                onChange={(e) => setDepartment(e.currentTarget.value)}
              />
              <DateField label={t("dashboard.dueAt")} value={dueAt} onChange={setDueAt} />
              <Button
                disabled={!moduleId || (roles.length === 0 && !department.trim())}
                loading={assign.isPending}
                onClick={async () => {
                  const r = await assign.mutateAsync({
                    moduleId: moduleId!,
                    ...(roles.length > 0 ? { roles } : {}),
                    ...(department.trim() ? { department: department.trim() } : {}),
                    ...(dueAt ? { dueAt } : {}),
                  });
                  notifications.show({ color: "green", message: t("dashboard.assignedMsg", r) });
                }}
              >
                {t("dashboard.assignButton")}
              </Button>
            </Group>
            <ErrorAlert error={assign.error} />
          </Paper>
        ) : null}
      </Stack>
    </RequireRole>
  );
}
