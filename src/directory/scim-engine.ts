/**
 * SCIM 2.0 (RFC 7643/7644) as Entra ID and Okta speak it: users to and from directory records
 * (core User, the enterprise extension for employeeNumber/department/manager, a Sekimori extension
 * for kana/roman names, start/end/notice dates and stays abroad), the `eq` filters provisioning
 * clients send, PatchOp (including Entra ID's capitalised ops, string booleans and value objects
 * without a path) and the SCIM error body. Pure.
 */
import type { DirectoryRecord, RawDirectoryRecord } from "./directory-engine.js";

export const SCIM_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const SCIM_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const SCIM_ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const SCIM_SEKIMORI = "urn:ietf:params:scim:schemas:extension:sekimori:2.0:User";
export const SCIM_LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
export const SCIM_PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

type Json = Record<string, unknown>;

/** A SCIM error (RFC 7644 §3.12) the routes turn into the response body. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: string | null,
    detail: string,
  ) {
    super(detail);
  }
  body(): Json {
    return {
      schemas: [SCIM_ERROR],
      status: String(this.status),
      ...(this.scimType ? { scimType: this.scimType } : {}),
      detail: this.message,
    };
  }
}

/** A stored user as SCIM shows it. `managerId` is the manager's SCIM id when known. */
export function toScimUser(
  id: string,
  r: DirectoryRecord,
  meta: { created: string; lastModified: string; managerId: string | null; location: string },
): Json {
  return {
    schemas: [SCIM_USER, SCIM_ENTERPRISE, SCIM_SEKIMORI],
    id,
    ...(r.externalId ? { externalId: r.externalId } : {}),
    userName: r.userName,
    displayName: r.displayName,
    name: { formatted: r.nameKanji ?? r.displayName },
    ...(r.email ? { emails: [{ value: r.email, type: "work", primary: true }] } : {}),
    ...(r.post ? { title: r.post } : {}),
    userType: r.category,
    active: r.active,
    [SCIM_ENTERPRISE]: {
      ...(r.employeeNumber ? { employeeNumber: r.employeeNumber } : {}),
      ...(r.department ? { department: r.department } : {}),
      ...(r.supervisorKey ? { manager: { value: managerValue(r.supervisorKey, meta.managerId) } } : {}),
    },
    [SCIM_SEKIMORI]: {
      ...(r.nameKana ? { nameKana: r.nameKana } : {}),
      ...(r.nameRoman ? { nameRoman: r.nameRoman } : {}),
      ...(r.startDate ? { startDate: r.startDate } : {}),
      ...(r.endDate ? { endDate: r.endDate } : {}),
      ...(r.noticeDate ? { noticeDate: r.noticeDate } : {}),
      ...(r.abroadFrom ? { abroadFrom: r.abroadFrom } : {}),
      ...(r.abroadUntil ? { abroadUntil: r.abroadUntil } : {}),
    },
    meta: {
      resourceType: "User",
      created: meta.created,
      lastModified: meta.lastModified,
      location: meta.location,
    },
  };
}

function managerValue(key: string, id: string | null): string {
  return id ?? key;
}

function str(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return null;
}

function bool(v: unknown): boolean | string | null {
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return v;
  return null;
}

/**
 * Reads a SCIM User body into a raw directory record. `resolveManager` turns a manager's SCIM id
 * into their userName (Entra ID sends our id); other values are taken as a userName.
 */
export function fromScimUser(
  body: Json,
  resolveManager: (value: string) => string | null,
): RawDirectoryRecord {
  const ent = (body[SCIM_ENTERPRISE] ?? {}) as Json;
  const sek = (body[SCIM_SEKIMORI] ?? {}) as Json;
  const name = (body.name ?? {}) as Json;
  const emails = Array.isArray(body.emails) ? (body.emails as Json[]) : [];
  const email =
    emails.find((e) => e.primary === true || e.primary === "True") ??
    emails.find((e) => e.type === "work") ??
    emails[0];
  const manager = ent.manager;
  const managerRaw =
    typeof manager === "string"
      ? manager
      : manager && typeof manager === "object"
        ? str((manager as Json).value)
        : null;
  const formatted =
    str(name.formatted) ?? ([str(name.familyName), str(name.givenName)].filter(Boolean).join(" ") || null);
  return {
    userName: str(body.userName),
    externalId: str(body.externalId),
    displayName: str(body.displayName) ?? formatted,
    nameKanji: formatted,
    nameKana: str(sek.nameKana),
    nameRoman: str(sek.nameRoman),
    email: email ? str(email.value) : null,
    post: str(body.title),
    category: str(body.userType),
    active: body.active === undefined ? true : bool(body.active),
    employeeNumber: str(ent.employeeNumber),
    department: str(ent.department),
    supervisorKey: managerRaw ? (resolveManager(managerRaw) ?? managerRaw) : null,
    startDate: str(sek.startDate),
    endDate: str(sek.endDate),
    noticeDate: str(sek.noticeDate),
    abroadFrom: str(sek.abroadFrom),
    abroadUntil: str(sek.abroadUntil),
  };
}

/** A filter the list endpoints support: `attribute eq "value"` (case-insensitive attribute). */
export type ScimFilter = {
  attribute: "userName" | "externalId" | "email" | "employeeNumber" | "displayName";
  value: string;
};

const FILTER_ATTRS: Record<string, ScimFilter["attribute"]> = {
  username: "userName",
  externalid: "externalId",
  "emails.value": "email",
  emails: "email",
  employeenumber: "employeeNumber",
  [`${SCIM_ENTERPRISE.toLowerCase()}:employeenumber`]: "employeeNumber",
  displayname: "displayName",
};

/** Parses the `filter` query of a list request; throws invalidFilter for anything else. */
export function parseScimFilter(filter: string): ScimFilter {
  const m = /^\s*([\w.:-]+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  const attribute = m ? FILTER_ATTRS[m[1]!.toLowerCase()] : undefined;
  if (!m || !attribute)
    throw new ScimError(
      400,
      "invalidFilter",
      `Unsupported filter "${filter}": use userName, externalId, emails.value, employeeNumber or displayName with eq / 対応していないフィルタです`,
    );
  return { attribute, value: m[2]!.replace(/\\(.)/g, "$1") };
}

type PatchOperation = { op?: unknown; path?: unknown; value?: unknown };

/** Applies an attribute path (optionally with a schema URN prefix and `[type eq "work"]`) to a copy of a resource. */
function setPath(resource: Json, rawPath: string, value: unknown, op: "add" | "replace" | "remove"): void {
  let path = rawPath;
  let container: Json = resource;
  for (const urn of [SCIM_ENTERPRISE, SCIM_SEKIMORI, SCIM_USER, SCIM_GROUP]) {
    if (path.toLowerCase().startsWith(`${urn.toLowerCase()}:`)) {
      path = path.slice(urn.length + 1);
      if (urn !== SCIM_USER && urn !== SCIM_GROUP) {
        container = (resource[urn] ?? {}) as Json;
        resource[urn] = container;
      }
    }
  }
  const filtered = /^(\w+)\[(\w+)\s+eq\s+"([^"]*)"\](?:\.(\w+))?$/i.exec(path);
  if (filtered) {
    const [, attr, key, wanted, sub] = filtered as unknown as [
      string,
      string,
      string,
      string,
      string | undefined,
    ];
    const list = Array.isArray(container[attr]) ? [...(container[attr] as Json[])] : [];
    let item = list.find((x) => String(x[key]).toLowerCase() === wanted.toLowerCase());
    if (op === "remove") {
      container[attr] = list.filter((x) => x !== item);
      return;
    }
    if (!item) {
      item = { [key]: wanted };
      list.push(item);
    }
    if (sub) item[sub] = value;
    else Object.assign(item, value as Json);
    container[attr] = list;
    return;
  }
  const parts = path.split(".");
  let target = container;
  for (const part of parts.slice(0, -1)) {
    const key = Object.keys(target).find((k) => k.toLowerCase() === part.toLowerCase()) ?? part;
    if (typeof target[key] !== "object" || target[key] === null) target[key] = {};
    target = target[key] as Json;
  }
  const last = parts[parts.length - 1]!;
  const key = Object.keys(target).find((k) => k.toLowerCase() === last.toLowerCase()) ?? last;
  if (op === "remove") delete target[key];
  else if (op === "add" && Array.isArray(target[key]) && Array.isArray(value))
    target[key] = [...(target[key] as unknown[]), ...value];
  else target[key] = value;
}

/**
 * Applies a PatchOp body to a resource (a copy is returned). Ops are case-insensitive (Entra ID
 * sends "Replace"); without a path the value is an object of attributes (which may be schema URNs
 * or dotted paths). `active: "False"` stays a string here; the record normaliser reads it.
 */
export function applyScimPatch(resource: Json, body: Json): Json {
  const schemas = Array.isArray(body.schemas) ? body.schemas : [];
  if (!schemas.includes(SCIM_PATCH))
    throw new ScimError(400, "invalidSyntax", `PatchOp requests need the schema ${SCIM_PATCH}`);
  const ops = Array.isArray(body.Operations) ? (body.Operations as PatchOperation[]) : null;
  if (!ops || ops.length === 0)
    throw new ScimError(400, "invalidSyntax", "Operations is empty / Operations がありません");
  const out = structuredClone(resource);
  for (const o of ops) {
    const op = String(o.op ?? "").toLowerCase();
    if (op !== "add" && op !== "replace" && op !== "remove")
      throw new ScimError(400, "invalidSyntax", `Unknown op "${String(o.op)}" / 不明な操作です`);
    const path = typeof o.path === "string" && o.path.trim() !== "" ? o.path.trim() : null;
    if (path === null) {
      if (op === "remove")
        throw new ScimError(400, "noTarget", "remove needs a path / remove には path が必要です");
      if (typeof o.value !== "object" || o.value === null || Array.isArray(o.value))
        throw new ScimError(
          400,
          "invalidValue",
          "without a path the value must be an object / path がない場合 value はオブジェクトです",
        );
      for (const [k, v] of Object.entries(o.value as Json)) {
        if ((k === SCIM_ENTERPRISE || k === SCIM_SEKIMORI) && typeof v === "object" && v !== null) {
          for (const [k2, v2] of Object.entries(v as Json)) setPath(out, `${k}:${k2}`, v2, op);
        } else setPath(out, k, v, op);
      }
      continue;
    }
    setPath(out, path, o.value, op);
  }
  return out;
}

/** The ListResponse envelope. */
export function scimList(resources: Json[], total: number, startIndex: number): Json {
  return {
    schemas: [SCIM_LIST],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

/** ServiceProviderConfig: what this server supports (RFC 7643 §5). */
export function serviceProviderConfig(): Json {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    documentationUri: "https://github.com/sekimori/sekimori#directory-scim-ldap-hr-csv",
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 200 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description: "A token from `sekimori directory scim-token create`",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: "/scim/v2/ServiceProviderConfig" },
  };
}

/** ResourceTypes: User (with both extensions) and Group. */
export function resourceTypes(): Json[] {
  return [
    {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
      id: "User",
      name: "User",
      endpoint: "/Users",
      schema: SCIM_USER,
      schemaExtensions: [
        { schema: SCIM_ENTERPRISE, required: false },
        { schema: SCIM_SEKIMORI, required: false },
      ],
      meta: { resourceType: "ResourceType", location: "/scim/v2/ResourceTypes/User" },
    },
    {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      schema: SCIM_GROUP,
      meta: { resourceType: "ResourceType", location: "/scim/v2/ResourceTypes/Group" },
    },
  ];
}

const attr = (name: string, type = "string", extra: Json = {}) => ({
  name,
  type,
  multiValued: false,
  required: false,
  mutability: "readWrite",
  returned: "default",
  ...extra,
});

/** Schemas: the attributes this server reads (a minimal, honest description). */
export function scimSchemas(): Json[] {
  const schema = (id: string, name: string, attributes: Json[]) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
    id,
    name,
    attributes,
    meta: { resourceType: "Schema", location: `/scim/v2/Schemas/${id}` },
  });
  return [
    schema(SCIM_USER, "User", [
      attr("userName", "string", { required: true, uniqueness: "server" }),
      attr("externalId"),
      attr("displayName"),
      attr("name", "complex", { subAttributes: [attr("formatted"), attr("familyName"), attr("givenName")] }),
      attr("emails", "complex", {
        multiValued: true,
        subAttributes: [attr("value"), attr("type"), attr("primary", "boolean")],
      }),
      attr("title"),
      attr("userType"),
      attr("active", "boolean"),
    ]),
    schema(SCIM_ENTERPRISE, "EnterpriseUser", [
      attr("employeeNumber"),
      attr("department"),
      attr("manager", "complex", { subAttributes: [attr("value")] }),
    ]),
    schema(SCIM_SEKIMORI, "SekimoriUser", [
      attr("nameKana"),
      attr("nameRoman"),
      attr("startDate"),
      attr("endDate"),
      attr("noticeDate"),
      attr("abroadFrom"),
      attr("abroadUntil"),
    ]),
    schema(SCIM_GROUP, "Group", [
      attr("displayName", "string", { required: true }),
      attr("externalId"),
      attr("members", "complex", { multiValued: true, subAttributes: [attr("value"), attr("display")] }),
    ]),
  ];
}
