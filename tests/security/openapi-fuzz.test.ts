/**
 * Fuzz from the OpenAPI document (issue 13, decision 0021): a few thousand generated
 * bad requests across every operation, through the real route handlers. No answer
 * is a 5xx, every error is in the envelope, no bad write succeeds, nothing is stored.
 * See tests/security/fuzz/.
 */
import { runFuzz } from "./fuzz/run-fuzz";

runFuzz(() => true);
