import { LoadingBlock } from "@/components/ui/load-states";

/** Shown while a track page (overview, a version, a comparison) is read on the server. */
export default function TrackLoading() {
  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="text-sm text-muted-foreground">
        Loading the track…
      </p>
      <LoadingBlock />
    </div>
  );
}
