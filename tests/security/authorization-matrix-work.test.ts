/** The authorization matrix's work rows (see authorization-matrix.test.ts and tests/security/matrix/). */
import { runMatrixGroup } from "./matrix/run-matrix";

runMatrixGroup("work");
