import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type Readiness, readinessQuery } from "./readiness-query";

function StatusDot({ tone }: { tone: "ok" | "bad" | "pending" }) {
  const colour = { ok: "bg-emerald-500", bad: "bg-red-500", pending: "bg-neutral-300 animate-pulse" }[tone];
  return <span aria-hidden="true" className={`inline-block size-2.5 shrink-0 rounded-full ${colour}`} />;
}

function CheckList({ checks }: { checks: Readiness["checks"] }) {
  const { t } = useTranslation();
  return (
    <ul className="mt-4 divide-y divide-neutral-100 border-t border-neutral-100">
      {Object.entries(checks).map(([name, state]) => (
        <li key={name} className="flex items-center justify-between gap-4 py-2 text-sm">
          <span className="text-neutral-700">{t(`status.checks.${name}`, { defaultValue: name })}</span>
          <span className="flex items-center gap-2 font-medium">
            <StatusDot tone={state === "ok" ? "ok" : "bad"} />
            {state === "ok" ? t("status.checkOk") : t("status.checkFailing")}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Live readiness of the server (database, queue), polled from `/readyz`. */
export function SystemStatus() {
  const { t } = useTranslation();
  const { data, isPending, isError, isFetching, refetch } = useQuery(readinessQuery);

  const healthy = data?.status === "ok";
  const tone = isPending ? "pending" : !isError && healthy ? "ok" : "bad";
  const summary = isPending
    ? t("status.loading")
    : isError
      ? t("status.unavailable")
      : healthy
        ? t("status.ok")
        : t("status.degraded");

  return (
    <section
      aria-labelledby="system-status-title"
      aria-busy={isPending}
      className="rounded-xl border border-neutral-200 bg-white p-5 shadow-sm"
    >
      <h2 id="system-status-title" className="text-sm font-semibold text-neutral-500">
        {t("status.title")}
      </h2>
      <p role="status" className="mt-2 flex items-center gap-2 text-base font-medium">
        <StatusDot tone={tone} />
        {summary}
      </p>
      {data && !isError && <CheckList checks={data.checks} />}
      {isError && (
        <button
          type="button"
          onClick={() => void refetch()}
          disabled={isFetching}
          className="focus-ring mt-4 rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-50 disabled:opacity-60"
        >
          {t("status.retry")}
        </button>
      )}
    </section>
  );
}
