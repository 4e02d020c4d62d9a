export function SuspendedNotice({ message }: { message: string }) {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight">Membership suspended</h1>
      <p className="mt-2 text-muted-foreground">{message}</p>
    </div>
  );
}
