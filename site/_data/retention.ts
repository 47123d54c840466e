// How long the sign-in traces are kept (site/_lib/privacy/retention.ts), for the privacy page: the periods the
// purge applies, never retyped in content.
import { retention } from "../_lib/privacy/retention.ts";

export default () => retention;
