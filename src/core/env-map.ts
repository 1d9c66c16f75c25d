/** One service's (or one environment's) variables as deployed: name → non-empty value. */
export type EnvMap = ReadonlyMap<string, string>;
