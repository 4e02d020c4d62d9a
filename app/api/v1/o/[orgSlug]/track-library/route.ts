import { handle } from "@/lib/http/handle";
import { listTrackLibraryEndpoint } from "@/lib/tracks/endpoints";
import { listLibrary } from "@/lib/tracks/library";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(listTrackLibraryEndpoint, async () => listLibrary());

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
