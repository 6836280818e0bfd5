/** One line of an audit event's detail for the collapsed view: "reason=keyCompromise, kind=S". */
export function summariseDetail(detail: Record<string, unknown>, max = 60): string {
  const text = Object.entries(detail)
    .map(([k, v]) => `${k}=${typeof v === "object" && v !== null ? "…" : String(v)}`)
    .join(", ");
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
