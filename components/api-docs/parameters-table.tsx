import { InlineText } from "./inline-text";
import { describeSchema } from "./schema";
import type { ApiParameter } from "./types";

const locationOrder: Record<ApiParameter["in"], number> = { path: 0, query: 1, header: 2, cookie: 3 };

export function ParametersTable({ parameters, label }: { parameters: ApiParameter[]; label: string }) {
  const sorted = [...parameters].sort((a, b) => locationOrder[a.in] - locationOrder[b.in]);
  return (
    // Focusable so keyboard users can scroll the table sideways on narrow screens.
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded-md border border-border">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead className="bg-surface-muted text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Name</th>
            <th scope="col" className="px-3 py-2 font-medium">In</th>
            <th scope="col" className="px-3 py-2 font-medium">Type</th>
            <th scope="col" className="px-3 py-2 font-medium">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {sorted.map((param) => (
            <tr key={`${param.in}:${param.name}`} className="align-top">
              <th scope="row" className="px-3 py-2 font-normal">
                <code className="font-mono text-foreground">{param.name}</code>
                {param.required ? <span className="ml-2 text-xs text-muted-foreground">required</span> : null}
                {param.deprecated ? <span className="ml-2 text-xs text-muted-foreground">deprecated</span> : null}
              </th>
              <td className="px-3 py-2 text-muted-foreground">{param.in}</td>
              <td className="px-3 py-2 font-mono text-xs">{describeSchema(param.schema)}</td>
              <td className="px-3 py-2 text-muted-foreground">
                {param.description ? <InlineText text={param.description} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
