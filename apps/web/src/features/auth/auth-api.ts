import { api, type Schemas } from "../../lib/api";
import { ProblemError, toProblem } from "../../lib/problem";

type SignedIn = Schemas["SignedIn"];

export async function signInWithEmail(input: { email: string; password: string }): Promise<SignedIn> {
  const { data, error, response } = await api.POST("/api/v1/auth/sign-in/email", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function signUp(input: {
  email: string;
  password: string;
  name: string;
  organizationName: string;
}): Promise<SignedIn> {
  const { data, error, response } = await api.POST("/api/v1/auth/sign-up", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}

export async function signInWithTwoFactor(input: { challenge: string; code: string }): Promise<SignedIn> {
  const { data, error, response } = await api.POST("/api/v1/auth/sign-in/two-factor", { body: input });
  if (!data) throw new ProblemError(toProblem(error, response));
  return data;
}
