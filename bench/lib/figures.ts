export type BenchGroup = "http" | "queue" | "startup" | "auth" | "crm" | "inbox";

export type Target = { comparison: "at-least" | "below"; value: number };

export type Figure = {
  group: BenchGroup;
  name: string;
  value: number;
  unit: string;
  target?: Target;
  met?: boolean;
};

export type Failure = { section: string; error: string };

/** Collects figures and failures; a failed section is recorded and the run goes on with the next one. */
export type Recorder = {
  readonly figures: Figure[];
  readonly failures: Failure[];
  readonly notes: string[];
  add(group: BenchGroup, name: string, value: number, unit: string, target?: Target): void;
  note(text: string): void;
  section(name: string, work: () => Promise<void>): Promise<void>;
};

export function isTargetMet(value: number, target: Target): boolean {
  return target.comparison === "at-least" ? value >= target.value : value < target.value;
}

export function createRecorder(log: (message: string) => void): Recorder {
  const figures: Figure[] = [];
  const failures: Failure[] = [];
  const notes: string[] = [];
  return {
    figures,
    failures,
    notes,
    add: (group, name, value, unit, target) => {
      figures.push(
        target
          ? { group, name, value, unit, target, met: isTargetMet(value, target) }
          : { group, name, value, unit },
      );
    },
    note: (text) => {
      notes.push(text);
    },
    section: async (name, work) => {
      log(`${name}: start`);
      try {
        await work();
        log(`${name}: done`);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failures.push({ section: name, error: message });
        log(`${name}: FAILED ${message}`);
      }
    },
  };
}
