/** The authorization matrix's people-and-tracks rows (see authorization-matrix.test.ts and tests/security/matrix/). */
import { runMatrixGroup } from "./matrix/run-matrix";

runMatrixGroup("people-and-tracks");
