import { handle } from "@/lib/http/handle";
import { listTrackLibraryEndpoint } from "@/lib/tracks/endpoints";
import { listLibrary } from "@/lib/tracks/library";

export const GET = handle(listTrackLibraryEndpoint, async () => listLibrary());
