import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  Timeline,
  Title,
  Tooltip,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { bi } from "../../app/format";
import { useCase } from "./api";
import { CasesTabs, useChannelLabel } from "./CasesPage";

/** One case: what happened, the method step by step, red flags, countermeasures and sources. */
export function CaseDetailPage() {
  const { slug } = useParams();
  const { t } = useTranslation("cases");
  const { hasRole } = useAuth();
  const channel = useChannelLabel();
  const one = useCase(slug);
  if (one.isLoading) return <Loader />;
  if (one.error || !one.data) return <ErrorAlert error={one.error} />;
  const c = one.data;
  const content = c.content;
  return (
    <Stack>
      <CasesTabs />
      <PageHeader
        title={
          <Group gap="xs">
            {bi(content.title)}
            {c.status === "draft" ? <Badge color="gray">{t("draft")}</Badge> : null}
          </Group>
        }
        subtitle={`${content.period} · ${content.channels.map(channel).join(t("listSeparator"))} · ${bi(content.sector)}`}
        actions={
          hasRole("admin") ? (
            <Button component={Link} to={`/cases/${c.slug}/edit`} variant="default">
              {t("edit")}
            </Button>
          ) : null
        }
      />
      {content.editorialNote ? (
        <Alert color="yellow" title={t("editorialNote")}>
          {bi(content.editorialNote)}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <Paper withBorder p="md">
              <Text>{bi(content.summary)}</Text>
            </Paper>
            {content.timeline.length > 0 ? (
              <Paper withBorder p="md">
                <Title order={4} mb="sm">
                  {t("timeline")}
                </Title>
                <Timeline bulletSize={14} lineWidth={2}>
                  {content.timeline.map((e) => (
                    <Timeline.Item key={`${e.date}-${e.text.en}`} title={e.date}>
                      <Text size="sm">{bi(e.text)}</Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              </Paper>
            ) : null}
            {content.method.length > 0 ? (
              <Paper withBorder p="md">
                <Title order={4} mb="sm">
                  {t("method")}
                </Title>
                <List type="ordered" spacing={4}>
                  {content.method.map((m) => (
                    <List.Item key={m.en}>{bi(m)}</List.Item>
                  ))}
                </List>
              </Paper>
            ) : null}
            {content.countermeasures.length > 0 ? (
              <Paper withBorder p="md">
                <Title order={4} mb="sm">
                  {t("countermeasures")}
                </Title>
                <List spacing={4}>
                  {content.countermeasures.map((m) => (
                    <List.Item key={m.en}>{bi(m)}</List.Item>
                  ))}
                </List>
              </Paper>
            ) : null}
            <Paper withBorder p="md">
              <Title order={4} mb="sm">
                {t("outcome")}
              </Title>
              <Text size="sm">{bi(content.outcome)}</Text>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Paper withBorder p="md" data-testid="case-flags">
              <Title order={5} mb="xs">
                {t("redFlags")}
              </Title>
              <Stack gap={4}>
                {c.flags.map((f) => (
                  <Tooltip key={f.id} label={f.id} withArrow position="left">
                    <Anchor
                      component={Link}
                      to={`/cases/flags/${f.id}`}
                      size="sm"
                      data-flag-id={f.id}
                      data-testid="case-flag"
                    >
                      {bi(f.title) || f.id}
                    </Anchor>
                  </Tooltip>
                ))}
              </Stack>
            </Paper>
            {c.trainings.length > 0 ? (
              <Paper withBorder p="md">
                <Title order={5} mb="xs">
                  {t("trainings")}
                </Title>
                <Stack gap={4}>
                  {c.trainings.map((m) => (
                    <Anchor key={m.id} component={Link} to={`/cases/training/${m.slug}`} size="sm">
                      {bi(m.title)}
                    </Anchor>
                  ))}
                </Stack>
              </Paper>
            ) : null}
            <Paper withBorder p="md">
              <Title order={5} mb="xs">
                {t("sources")}
              </Title>
              <Stack gap={6}>
                {content.sources.map((s) => (
                  <div key={`${s.publisher}-${s.date}-${s.title}`}>
                    <Text size="xs" c="dimmed">
                      {s.publisher} · {s.date}
                    </Text>
                    {s.url ? (
                      <Anchor href={s.url} target="_blank" rel="noopener noreferrer" size="sm">
                        {s.title}
                      </Anchor>
                    ) : (
                      <Text size="sm">{s.title}</Text>
                    )}
                  </div>
                ))}
                {content.sources.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t("noSources")}
                  </Text>
                ) : null}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
