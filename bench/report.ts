import { mkdir, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import type { BenchGroup, Failure, Figure, Target } from "./lib/figures.ts";

export type BenchReport = {
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  groups: BenchGroup[];
  machine: { cpus: number; cpuModel: string; node: string; platform: string };
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAverageAtStart: number;
  figures: Figure[];
  failures: Failure[];
  notes: string[];
};

export function readLoadAverage(): number {
  return loadavg()[0] ?? 0;
}

export function describeMachine(): BenchReport["machine"] {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? "unknown",
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** The figures as a markdown table, with each target and whether it was met beside it. */
export function formatReportTable(report: BenchReport): string {
  const rows = report.figures.map((figure) => [
    figure.group,
    figure.name,
    formatValue(figure.value, figure.unit),
    figure.target ? formatTarget(figure.target, figure.unit) : "",
    figure.met === undefined ? "" : figure.met ? "yes" : "**no**",
  ]);
  const lines = [
    `Benchmarks, ${report.startedAt} (${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}, ${report.durationSeconds.toFixed(0)} s; load average ${report.loadAverageAtStart.toFixed(2)} at start)`,
    "",
    "| Group | Figure | Value | Target | Met |",
    "| --- | --- | ---: | --- | --- |",
    ...rows.map((cells) => `| ${cells.join(" | ")} |`),
  ];
  if (report.notes.length > 0) lines.push("", ...report.notes.map((note) => `- ${note}`));
  if (report.failures.length > 0) {
    lines.push(
      "",
      "Failed sections:",
      ...report.failures.map((failure) => `- ${failure.section}: ${firstLine(failure.error)}`),
    );
  }
  return lines.join("\n");
}

export async function writeReportJson(report: BenchReport, file: string) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}

function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return "n/a";
  const digits = unit === "ratio" ? 2 : unit === "s" ? 2 : unit === "ms" || unit === "%" ? 1 : 0;
  const text = value.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return unit === "ratio" || unit === "count" ? text : `${text} ${unit}`;
}

function formatTarget(target: Target, unit: string): string {
  const sign = target.comparison === "at-least" ? "≥" : "<";
  const suffix = unit === "ratio" || unit === "count" ? "" : ` ${unit}`;
  return `${sign} ${target.value.toLocaleString("en-US")}${suffix}`;
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? text;
}
