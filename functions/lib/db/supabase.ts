// Production on Supabase: actions through PostgREST RPC with the server secret key.
import { createClient } from "@supabase/supabase-js";
import { toAppError, unwrapResult } from "./errors.ts";
import type { DataPort } from "./port.ts";

export interface SupabaseOptions {
  url: string;
  /** The `sb_secret_…` key, or the legacy `service_role` JWT. */
  secretKey: string;
  /** Replaces the global fetch (tests record requests with it). */
  fetch?: typeof fetch;
}

export function createSupabaseDataPort(options: SupabaseOptions): DataPort {
  const client = createClient(options.url, options.secretKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    ...(options.fetch ? { global: { fetch: options.fetch } } : {}),
  });

  return {
    async call<T>(action: Parameters<DataPort["call"]>[0], args: Parameters<DataPort["call"]>[1]): Promise<T> {
      // JSON drops undefined values, so PostgREST uses the SQL defaults as the other adapters do.
      const { data, error } = await client.rpc(action, args);
      if (error) throw toAppError(error);
      return unwrapResult<T>(data);
    },
    close: async () => {},
  };
}
