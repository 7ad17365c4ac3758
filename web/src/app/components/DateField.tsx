import { DateInput, type DateInputProps } from "@mantine/dates";
import "dayjs/locale/ja";
import "dayjs/locale/en-gb";
import { useTranslation } from "react-i18next";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function valid(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Reads a typed date in the forms people use: 2026-12-01, 2026/12/1, 2026年12月1日, 令和 is not
 * guessed; 1 Dec 2026 and Dec 1, 2026 in English. Returns YYYY-MM-DD or null.
 */
export function parseTypedDate(text: string): string | null {
  const s = text.trim().normalize("NFKC");
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})\s+([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    return month < 0 ? null : valid(+m[3]!, month + 1, +m[1]!);
  }
  m = /^([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
    return month < 0 ? null : valid(+m[3]!, month + 1, +m[2]!);
  }
  return null;
}

type Props = Omit<DateInputProps, "value" | "onChange" | "valueFormat" | "dateParser" | "locale"> & {
  /** YYYY-MM-DD, or empty. */
  value?: string | null | undefined;
  /** Called with YYYY-MM-DD, or with `empty` ("" unless told otherwise) when cleared. */
  onChange?: (value: string) => void;
};

/**
 * A date field in the UI language: 2026/12/01 with a Japanese calendar (月・火…) in Japanese,
 * 1 Dec 2026 in English — whatever the browser's own locale (a native date input follows the
 * browser and showed mm/dd/yyyy). Typing works too (2026-12-01, 2026年12月1日). The value stays
 * YYYY-MM-DD, as the API expects.
 */
export function DateField({ value, onChange, ...rest }: Props) {
  const { i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <DateInput
      locale={en ? "en-gb" : "ja"}
      valueFormat={en ? "D MMM YYYY" : "YYYY/MM/DD"}
      dateParser={(text) => parseTypedDate(text)}
      firstDayOfWeek={en ? 1 : 0}
      monthLabelFormat={en ? "MMMM YYYY" : "YYYY年M月"}
      clearable
      {...rest}
      value={value ? value : null}
      onChange={(v) => onChange?.(v ?? "")}
    />
  );
}
