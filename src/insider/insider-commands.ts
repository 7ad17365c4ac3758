import path from "node:path";
import type { Command } from "commander";
import { Kafka } from "kafkajs";
import { fail, progressBar, withServices } from "../cli/context.js";
import { cliActor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";
import { kafkaSource, publishToKafka } from "./bus/kafka.js";
import { natsSource, publishToNats } from "./bus/nats.js";
import { runDetectorHost } from "./bus/worker.js";
import { writeDemoDataset } from "./demo/write-dataset.js";
import { CERT_RELEASES, type CertRelease } from "./engine/cert-adapter.js";
import { discoverDataset, mergeByTime, openActivityFile } from "./engine/sources.js";
import type { IngestReport } from "./insider-service.js";

function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const fields = error.fields?.map((f) => `\n  ${f.path}: ${f.message.en}`).join("") ?? "";
    return `${error.messages.en}${fields}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function printReport(r: IngestReport): void {
  const out = process.stdout;
  out.write(`run ${r.runId}\n`);
  for (const f of r.files) {
    out.write(
      `  ${f.file.padEnd(28)} ${f.kind.padEnd(7)} rows ${f.rows.toLocaleString("en").padStart(11)}  events ${f.events.toLocaleString("en").padStart(11)}  already ingested ${f.skipped.toLocaleString("en").padStart(10)}  malformed ${f.malformed}\n`,
    );
  }
  out.write(
    `events ${r.events.toLocaleString("en")}, user-days ${r.userDays.toLocaleString("en")}, new alerts ${r.alertsNew}, updated alerts ${r.alertsUpdated}\n` +
      `duplicates ${r.duplicates.toLocaleString("en")}, malformed ${r.malformed}, late ${r.late}, reordered ${r.reordered}, unknown accounts ${r.unknownUsers}, missing disconnects ${r.missingDisconnects}\n`,
  );
  for (const p of r.problems.slice(0, 20)) out.write(`  ${p.file}:${p.line}: ${p.reason}\n`);
  if (r.problems.length > 20) out.write(`  … ${r.problems.length - 20} more (see GET /api/insider/runs)\n`);
  for (const n of r.notes) out.write(`note: ${n}\n`);
}

/** `sekimori insider ingest` and `sekimori demo insider`. */
export function registerInsiderCommands(program: Command): void {
  const insider = program.command("insider").description("insider risk: ingest activity logs");

  insider
    .command("ingest")
    .description(
      "ingest a CERT-format directory (logon/device/file/email/http.csv, LDAP/, HR, assets) or a JSON-lines file",
    )
    .argument("<path>", "directory or file")
    .option("--release <release>", `CERT layout for files without a header row: ${CERT_RELEASES.join(", ")}`)
    .option("--no-finish", "keep the last day open (more data for it will follow)")
    .option("--json", "print the report as JSON")
    .action(async (target: string, opts) => {
      try {
        if (opts.release && !CERT_RELEASES.includes(opts.release))
          throw new Error(`--release must be one of ${CERT_RELEASES.join(", ")}`);
        await withServices(async (services) => {
          const bar = progressBar("ingesting (MB)");
          let started = false;
          const report = await services.insider.ingestPath(cliActor(), path.resolve(target), {
            ...(opts.release ? { release: opts.release as CertRelease } : {}),
            finish: opts.finish !== false,
            onProgress: (read, total) => {
              if (!process.stderr.isTTY) return;
              if (!started) {
                bar.start(Math.max(1, Math.round(total / 1048576)), 0);
                started = true;
              }
              bar.update(Math.round(read / 1048576));
            },
          });
          if (started) bar.stop();
          if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          else printReport(report);
        });
      } catch (error) {
        fail(describeError(error));
      }
    });

  insider
    .command("directory")
    .description(
      "load the organisation (LDAP/ snapshots, HR file, confidential-asset registry) from a dataset directory, without activity",
    )
    .argument("<path>", "directory")
    .action(async (target: string) => {
      try {
        await withServices(async (services) => {
          const r = await services.insider.importDirectory(cliActor(), path.resolve(target));
          process.stdout.write(
            `people ${r.people}, assets ${r.assets ?? "unchanged"}, problems ${r.problems}\n`,
          );
          for (const p of r.problemList.slice(0, 20))
            process.stdout.write(`  ${p.file}:${p.line}: ${p.reason}\n`);
          for (const n of r.notes) process.stdout.write(`note: ${n}\n`);
        });
      } catch (error) {
        fail(describeError(error));
      }
    });

  insider
    .command("publish")
    .description(
      "publish a dataset's events to NATS JetStream or Kafka, partitioned by user, for detector workers",
    )
    .argument("<path>", "directory or file")
    .option("--nats <servers>", "NATS server URL(s), comma-separated")
    .option("--kafka <brokers>", "Kafka brokers host:port, comma-separated")
    .option("--partitions <n>", "number of partitions", "4")
    .option("--topic <name>", "Kafka topic", "sekimori.insider.events")
    .option("--stream <name>", "JetStream stream", "SEKIMORI_INSIDER")
    .option("--release <release>", `CERT layout for header-less files: ${CERT_RELEASES.join(", ")}`)
    .action(async (target: string, opts) => {
      try {
        const partitions = Number(opts.partitions);
        if (!Number.isInteger(partitions) || partitions < 1)
          throw new Error("--partitions must be a positive integer");
        if (Boolean(opts.nats) === Boolean(opts.kafka))
          throw new Error("give exactly one of --nats or --kafka");
        const layout = discoverDataset(path.resolve(target));
        const sources = layout.activity.map((f) =>
          openActivityFile(f, {
            utcOffsetMinutes: 540,
            ...(opts.release ? { release: opts.release as CertRelease } : {}),
          }),
        );
        const batches = mergeByTime(sources.map((s) => s.batches));
        const t0 = Date.now();
        const r = opts.nats
          ? await publishToNats(batches, {
              servers: String(opts.nats).split(","),
              stream: opts.stream,
              partitions,
            })
          : await publishToKafka(batches, {
              kafka: new Kafka({ clientId: "sekimori-publish", brokers: String(opts.kafka).split(",") }),
              topic: opts.topic,
              partitions,
            });
        const malformed = sources.reduce((a, s) => a + s.stats.malformed, 0);
        process.stdout.write(
          `published ${r.events.toLocaleString("en")} events as ${r.messages.toLocaleString("en")} messages to ${partitions} partitions in ${((Date.now() - t0) / 1000).toFixed(1)} s (${malformed} malformed rows skipped)\n`,
        );
      } catch (error) {
        fail(describeError(error));
      }
    });

  insider
    .command("worker")
    .description(
      "run detector workers for some partitions from NATS JetStream or a Kafka consumer group; results go to the database",
    )
    .option("--nats <servers>", "NATS server URL(s), comma-separated")
    .option("--kafka <brokers>", "Kafka brokers host:port, comma-separated")
    .option("--partitions <list>", "NATS: partitions this process runs, e.g. 0,1 (Kafka assigns them)", "0")
    .option("--group <id>", "Kafka consumer group", "sekimori-detectors")
    .option("--topic <name>", "Kafka topic", "sekimori.insider.events")
    .option("--stream <name>", "JetStream stream", "SEKIMORI_INSIDER")
    .option("--checkpoint-every <n>", "messages between checkpoints", "20000")
    .option("--until-idle", "NATS: stop (after a checkpoint) when the partitions are drained")
    .action(async (opts) => {
      try {
        if (Boolean(opts.nats) === Boolean(opts.kafka))
          throw new Error("give exactly one of --nats or --kafka");
        const partitions = String(opts.partitions)
          .split(",")
          .map((p) => Number(p.trim()));
        if (partitions.some((p) => !Number.isInteger(p) || p < 0))
          throw new Error("--partitions must list non-negative integers");
        await withServices(async (services) => {
          const controller = new AbortController();
          const stop = () => controller.abort();
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
          const source = opts.nats
            ? await natsSource({
                servers: String(opts.nats).split(","),
                stream: opts.stream,
                partitions,
                stopWhenIdle: Boolean(opts.untilIdle),
              })
            : kafkaSource({
                kafka: new Kafka({ clientId: "sekimori-worker", brokers: String(opts.kafka).split(",") }),
                topic: opts.topic,
                groupId: opts.group,
              });
          const actor = { ...cliActor(), label: `${cliActor().label}:worker` };
          try {
            const workers = await runDetectorHost({
              source,
              store: services.insider.busStore(actor),
              createEngine: await services.insider.busEngineFactory(),
              signal: controller.signal,
              checkpointEvery: Number(opts.checkpointEvery),
            });
            for (const w of workers.values()) process.stdout.write(`${JSON.stringify(w.stats)}\n`);
          } finally {
            await source.close();
            process.off("SIGINT", stop);
            process.off("SIGTERM", stop);
          }
        });
      } catch (error) {
        fail(describeError(error));
      }
    });

  const demo =
    program.commands.find((c) => c.name() === "demo") ??
    program.command("demo").description("write demo datasets");
  demo
    .command("insider")
    .description(
      "write a synthetic organisation's activity logs in the CERT r5.2 layout with seeded insiders and an answer key",
    )
    .requiredOption("--out <dir>", "output directory")
    .option("--users <n>", "people", "1000")
    .option("--days <n>", "days", "180")
    .option("--seed <n>", "random seed", "42")
    .option("--start <date>", "first day (YYYY-MM-DD)", "2010-01-04")
    .option("--insiders-per-case <n>", "seeded insiders per case (default: one per 500 people)")
    .option("--domain <domain>", "internal e-mail domain", "dtaa.com")
    .action((opts) => {
      try {
        const users = Number(opts.users);
        const days = Number(opts.days);
        if (!Number.isInteger(users) || users < 20)
          throw new Error("--users must be an integer of at least 20");
        if (!Number.isInteger(days) || days < 30) throw new Error("--days must be an integer of at least 30");
        if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.start)) throw new Error("--start must be YYYY-MM-DD");
        const t0 = Date.now();
        const summary = writeDemoDataset(path.resolve(opts.out), {
          users,
          days,
          seed: Number(opts.seed),
          start: opts.start,
          internalDomain: opts.domain,
          ...(opts.insidersPerCase ? { insidersPerCase: Number(opts.insidersPerCase) } : {}),
        });
        process.stdout.write(
          `wrote ${summary.users} people × ${summary.days} days (${summary.events.toLocaleString("en")} events, ${summary.insiders.length} seeded insiders) to ${opts.out} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n` +
            `answer key: ${path.join(opts.out, "answers", "insiders.csv")}\n`,
        );
      } catch (error) {
        fail(describeError(error));
      }
    });
}
