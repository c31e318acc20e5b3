import { hashPassword, verifyPassword } from "../apps/server/src/modules/identity/password.ts";
import type { Recorder } from "./lib/figures.ts";
import { logProgress } from "./lib/progress.ts";
import { percentile } from "./lib/stats.ts";

const samples = 10;

/** Sign-in cost: argon2id hashing is meant to be slow (50-500 ms), so guessing stays expensive. */
export async function runAuthGroup(recorder: Recorder) {
  await recorder.section("auth · password hashing", async () => {
    logProgress("auth: timing argon2id hash and verify");
    const password = "a typical pass phrase";
    const stored = await hashPassword(password);
    const hashTimes: number[] = [];
    const verifyTimes: number[] = [];
    for (let sample = 0; sample < samples; sample++) {
      let started = performance.now();
      await hashPassword(password);
      hashTimes.push(performance.now() - started);
      started = performance.now();
      await verifyPassword(stored, password);
      verifyTimes.push(performance.now() - started);
    }
    recorder.add("auth", "password hash (argon2id), median of 10", percentile(hashTimes, 50), "ms", {
      comparison: "at-least",
      value: 50,
    });
    recorder.add("auth", "password hash, slowest of 10", Math.max(...hashTimes), "ms", {
      comparison: "below",
      value: 500,
    });
    recorder.add("auth", "password verify (each sign-in), median of 10", percentile(verifyTimes, 50), "ms");
  });
}
