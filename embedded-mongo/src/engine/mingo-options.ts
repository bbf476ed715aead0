/**
 * Options for every mingo Query/Aggregator/update we run. Scripts are off: `$where`,
 * `$function` and `$accumulator` would otherwise run code sent by any client.
 */
export const MINGO_OPTIONS = { scriptEnabled: false } as const;
