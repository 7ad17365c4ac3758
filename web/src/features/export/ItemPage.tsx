import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { bi, formatDate, formatDateTime } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { ExceptionsEditor } from "../reviews/ExceptionsEditor";
import {
  type Item,
  type ItemInput,
  useExportReference,
  useItem,
  useItemStatus,
  useRemoveItemDocument,
  useSaveItem,
  useUploadItemDocument,
} from "./api";

const today = () => new Date().toISOString().slice(0, 10);

/** One item of the item master: its 該非判定, basis documents, PDFs; editors can change the 判定. */
export function ItemPage() {
  const { id } = useParams();
  const { t } = useTranslation("export");
  const item = useItem(id);
  const { hasRole } = useAuth();
  const editor = hasRole("unit_officer", "secretariat", "admin");
  if (id !== "new" && item.isLoading) return <Loader />;
  if (id !== "new" && (item.error || !item.data)) return <ErrorAlert error={item.error} />;
  const i = item.data;
  return (
    <Stack>
      <PageHeader
        title={i ? `${i.refNo} ${i.name}` : t("items.new")}
        subtitle={i ? bi(i.summary) : t("items.newHelp")}
        actions={
          <Button component={Link} to="/export/items" variant="default">
            {t("back")}
          </Button>
        }
      />
      {i ? <ItemDetail item={i} editor={editor} /> : null}
      {editor ? <ItemForm item={i ?? null} /> : null}
    </Stack>
  );
}

function ItemDetail({ item: i, editor }: { item: Item; editor: boolean }) {
  const { t } = useTranslation("export");
  const ref = useExportReference();
  const uploadDoc = useUploadItemDocument();
  const remove = useRemoveItemDocument();
  const status = useItemStatus();
  const [kind, setKind] = useState<string | null>("parameter_sheet");
  const [file, setFile] = useState<File | null>(null);
  const kindLabel = (k: string) => bi(ref.data?.attachmentKinds.find((x) => x.value === k)?.label) || k;
  return (
    <Paper withBorder p="md" data-testid="item-detail">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Text size="sm">
            <b>{t("items.judgement")}:</b> {bi(i.summary)}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            <b>{t("items.rationale")}:</b> {i.rationale}
          </Text>
          <Text size="sm">
            <b>{t("items.decided")}:</b> {i.decidedBy?.name ?? "—"} · {formatDate(i.decidedOn)}
          </Text>
          <Text size="sm">
            <b>{t("items.recheckOn")}:</b> {i.recheckOn ? formatDate(i.recheckOn) : "—"}{" "}
            {i.recheckState === "overdue" || i.recheckState === "due_soon" ? (
              <Badge color={i.recheckState === "overdue" ? "red" : "orange"}>
                {t(`items.${i.recheckState}`)}
              </Badge>
            ) : null}
          </Text>
          <Text size="sm">
            <b>{t("items.usedIn")}:</b> {i.usedInReviews}
          </Text>
          {i.status === "archived" ? <Badge color="gray">{t("items.archived")}</Badge> : null}
        </Stack>
        <Stack gap={4}>
          <Title order={5}>{t("items.documents")}</Title>
          <Group gap="xs">
            {(ref.data?.documents ?? [])
              .filter((d) => d.value === "determination" || i.judgement.listStatus === "not_listed")
              .map((d) => (
                <Group gap={4} key={d.value}>
                  <Text size="sm">{bi(d.label)}:</Text>
                  <Anchor
                    href={`/api/export/items/${i.id}/documents/${d.value}?lang=ja`}
                    target="_blank"
                    size="sm"
                  >
                    日本語 PDF
                  </Anchor>
                  <Anchor
                    href={`/api/export/items/${i.id}/documents/${d.value}?lang=en`}
                    target="_blank"
                    size="sm"
                  >
                    English PDF
                  </Anchor>
                </Group>
              ))}
          </Group>
          <Title order={5} mt="sm">
            {t("items.basisDocuments")}
          </Title>
          <ErrorAlert error={uploadDoc.error ?? remove.error} />
          <Table>
            <Table.Tbody>
              {i.attachments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{kindLabel(a.kind)}</Table.Td>
                  <Table.Td>
                    <Anchor href={`/api/export/items/${i.id}/attachments/${a.id}`} size="sm">
                      {a.fileName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {a.uploadedBy} · {formatDateTime(a.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {editor ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate({ id: i.id, attachmentId: a.id })}
                      >
                        {t("items.remove")}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {i.attachments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("items.noDocuments")}
            </Text>
          ) : null}
          {editor ? (
            <Group align="flex-end">
              <Select
                label={t("items.documentKind")}
                w={220}
                data={(ref.data?.attachmentKinds ?? []).map((k) => ({ value: k.value, label: bi(k.label) }))}
                value={kind}
                onChange={setKind}
              />
              <FileInput label={t("items.file")} w={220} value={file} onChange={setFile} clearable />
              <Button
                disabled={!file || !kind}
                loading={uploadDoc.isPending}
                onClick={() =>
                  file &&
                  kind &&
                  uploadDoc.mutate({ id: i.id, kind, file }, { onSuccess: () => setFile(null) })
                }
              >
                {t("items.upload")}
              </Button>
            </Group>
          ) : null}
          {editor ? (
            <Group mt="sm">
              <Button
                size="xs"
                variant="subtle"
                color={i.status === "active" ? "red" : "blue"}
                loading={status.isPending}
                onClick={() =>
                  status.mutate({ id: i.id, status: i.status === "active" ? "archived" : "active" })
                }
              >
                {i.status === "active" ? t("items.archive") : t("items.restore")}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

function ItemForm({ item }: { item: Item | null }) {
  const { t } = useTranslation("export");
  const tr = useTranslation("reviews").t;
  const ref = useExportReference();
  const save = useSaveItem();
  const navigate = useNavigate();
  const form = useForm<ItemInput>({
    initialValues: item
      ? {
          kind: item.kind,
          name: item.name,
          modelNumber: item.modelNumber,
          maker: item.maker,
          description: item.description,
          hsCode: item.hsCode,
          judgement: {
            listStatus: item.judgement.listStatus,
            item: item.judgement.item,
            subItem: item.judgement.subItem,
            provision: item.judgement.provision,
            catchAllCategory: item.judgement.catchAllCategory,
            exceptions: item.judgement.exceptions,
          },
          rationale: item.rationale,
          decidedOn: today(),
          recheckOn: item.recheckOn,
        }
      : {
          kind: "goods",
          name: "",
          modelNumber: null,
          maker: null,
          description: "",
          hsCode: null,
          judgement: {
            listStatus: null,
            item: null,
            subItem: null,
            provision: null,
            catchAllCategory: null,
            exceptions: [],
          },
          rationale: "",
          decidedOn: today(),
          recheckOn: null,
        },
  });
  const v = form.values;
  const errors = form.errors as Record<string, string>;
  const submit = form.onSubmit(async (values) => {
    form.clearErrors();
    try {
      const saved = await save.mutateAsync({ id: item?.id, version: item?.version, input: values });
      notifications.show({ color: "green", message: t("items.saved") });
      if (!item) navigate(`/export/items/${saved.id}`);
    } catch (e) {
      form.setErrors(fieldErrors(e));
    }
  });
  if (!ref.data) return <Loader />;
  const r = ref.data;
  const p = v.judgement.provision;
  const setProvision = (patch: Record<string, unknown> | null) =>
    form.setFieldValue(
      "judgement.provision",
      patch === null
        ? null
        : ({
            ordinance: "goods_ordinance",
            article: 1,
            paragraph: null,
            item: null,
            sub: null,
            ...(p ?? {}),
            ...patch,
          } as never),
    );
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} data-testid="item-form">
        <Stack>
          <Title order={4}>{item ? t("items.edit") : t("items.new")}</Title>
          <Text size="xs" c="dimmed">
            {t("items.editHelp")}
          </Text>
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Select
              label={t("items.kind")}
              allowDeselect={false}
              data={[
                { value: "goods", label: t("kind.goods") },
                { value: "technology", label: t("kind.technology") },
              ]}
              {...form.getInputProps("kind")}
            />
            <TextInput label={t("items.name")} withAsterisk {...form.getInputProps("name")} />
            <TextInput label={t("items.model")} {...form.getInputProps("modelNumber")} />
            <TextInput label={t("items.maker")} {...form.getInputProps("maker")} />
            <TextInput label={t("items.hsCode")} placeholder="8457.10" {...form.getInputProps("hsCode")} />
          </SimpleGrid>
          <Textarea label={t("items.description")} autosize {...form.getInputProps("description")} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Select
              label={tr("outcome")}
              data={r.listStatuses.map((o) => ({ value: o.value, label: bi(o.label) }))}
              error={errors["judgement.listStatus"]}
              {...form.getInputProps("judgement.listStatus")}
            />
            {v.judgement.listStatus === "listed" ? (
              <>
                <Select
                  label={tr("item")}
                  data={r.controlItems
                    .filter((c) => c.item !== "16")
                    .map((c) => ({ value: c.item, label: bi(c.label) }))}
                  error={errors["judgement.item"]}
                  {...form.getInputProps("judgement.item")}
                />
                <TextInput
                  label={tr("subItem")}
                  placeholder={tr("subItemPlaceholder")}
                  error={errors["judgement.subItem"]}
                  {...form.getInputProps("judgement.subItem")}
                />
              </>
            ) : null}
            {v.judgement.listStatus === "not_listed" ? (
              <Select
                label={t("classification.catchAllCategory")}
                data={r.catchAllCategories.map((o) => ({ value: o.value, label: bi(o.label) }))}
                error={errors["judgement.catchAllCategory"]}
                {...form.getInputProps("judgement.catchAllCategory")}
              />
            ) : null}
          </SimpleGrid>
          <Group grow align="flex-end">
            <Select
              label={t("classification.provision")}
              clearable
              data={[
                { value: "goods_ordinance", label: t("classification.goodsOrdinance") },
                { value: "trade_ordinance", label: t("classification.tradeOrdinance") },
              ]}
              value={p?.ordinance ?? null}
              onChange={(o) => setProvision(o ? { ordinance: o } : null)}
            />
            <NumberInput
              label={t("classification.article")}
              disabled={!p}
              min={1}
              value={p?.article ?? ""}
              onChange={(n) => setProvision({ article: Number(n) || 1 })}
              error={errors["judgement.provision.article"]}
            />
            <NumberInput
              label={t("classification.paragraph")}
              disabled={!p}
              min={1}
              value={p?.paragraph ?? ""}
              onChange={(n) => setProvision({ paragraph: n === "" ? null : Number(n) })}
            />
            <NumberInput
              label={t("classification.itemNo")}
              disabled={!p}
              min={1}
              value={p?.item ?? ""}
              onChange={(n) => setProvision({ item: n === "" ? null : Number(n) })}
            />
            <TextInput
              label={t("classification.sub")}
              disabled={!p}
              value={p?.sub ?? ""}
              onChange={(e) => setProvision({ sub: e.currentTarget.value || null })}
            />
          </Group>
          {v.kind === "technology" ? (
            <ExceptionsEditor
              value={v.judgement.exceptions}
              onChange={(x) => form.setFieldValue("judgement.exceptions", x)}
              options={r.exceptions}
              errors={errors}
              prefix="judgement.exceptions"
            />
          ) : null}
          <Textarea
            label={t("items.rationale")}
            withAsterisk
            autosize
            minRows={3}
            {...form.getInputProps("rationale")}
          />
          <Group grow>
            <TextInput type="date" label={t("items.decidedOn")} {...form.getInputProps("decidedOn")} />
            <TextInput
              type="date"
              label={t("items.recheckOn")}
              value={v.recheckOn ?? ""}
              onChange={(e) => form.setFieldValue("recheckOn", e.currentTarget.value || null)}
              error={errors.recheckOn}
            />
          </Group>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("items.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
