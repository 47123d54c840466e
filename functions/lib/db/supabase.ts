// Production on Supabase: actions through PostgREST RPC with the server secret key.
import { createClient, type SupabaseClientOptions } from "@supabase/supabase-js";
import { toAppError, unwrapResult } from "./errors.ts";
import type { DataPort } from "./port.ts";

export interface SupabaseOptions {
  url: string;
  /** The `sb_secret_…` key, or the legacy `service_role` JWT. */
  secretKey: string;
  /** Replaces the global fetch (tests record requests with it). */
  fetch?: typeof fetch;
}

type RealtimeTransport = NonNullable<SupabaseClientOptions<"public">["realtime"]>["transport"];

export async function createSupabaseDataPort(options: SupabaseOptions): Promise<DataPort> {
  // supabase-js builds its Realtime client eagerly and throws where no WebSocket exists (Node 20); we never
  // open a socket, but must hand it a constructor there.
  // ws's typings declare a null-address overload that realtime-js's constructor type does not list.
  const transport = globalThis.WebSocket ? undefined : ((await import("ws")).WebSocket as unknown as RealtimeTransport);
  const client = createClient(options.url, options.secretKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    ...(transport ? { realtime: { transport } } : {}),
    ...(options.fetch ? { global: { fetch: options.fetch } } : {}),
  });

  return {
    async call<T>(action: Parameters<DataPort["call"]>[0], args: Parameters<DataPort["call"]>[1]): Promise<T> {
      // JSON drops undefined values, so PostgREST uses the SQL defaults as the other adapters do.
      const { data, error } = await client.rpc(action, args);
      if (error) throw toAppError(error, action);
      return unwrapResult<T>(data, action);
    },
    close: async () => {},
  };
}
