/** The authorization matrix's reads rows (see authorization-matrix.test.ts and tests/security/matrix/). */
import { runMatrixGroup } from "./matrix/run-matrix";

runMatrixGroup("reads");
