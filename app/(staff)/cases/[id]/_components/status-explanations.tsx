import type { CaseView } from "@/lib/cases/view/case-view";
import { PLATFORM_LABELS } from "@/lib/facts/labels";
import { RelativeTime } from "@/components/time/relative-time";

/** Each recorded status message with what it means and what to do (the engine's agent wording). */
export function StatusExplanations({ view }: { view: CaseView }) {
  const deviceName = (key: string) => {
    const device = view.facts.devices.find((d) => d.key === key);
    return device ? device.model ?? PLATFORM_LABELS[device.platform] : key;
  };
  return (
    <section aria-labelledby="statuses-title">
      <h2 id="statuses-title" className="text-xl font-semibold">Status messages explained</h2>
      {view.statusExplanations.length === 0 ? <p className="mt-2 text-slate-700">No status messages recorded.</p> : null}
      <ul className="mt-3 space-y-3">
        {view.statusExplanations.map((status, index) => (
          <li key={index} className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
            <h3 className="font-semibold">{status.title} <span className="font-normal text-slate-600">on {deviceName(status.deviceKey)} · <RelativeTime iso={status.observedAt} /></span></h3>
            {status.text ? <p className="mt-1">Exact text: “{status.text}”</p> : null}
            <p className="mt-1">{status.explanation}</p>
            <p className="mt-1"><span className="font-medium">What to do: </span>{status.whatToDo}</p>
            {status.screenshotId ? (
              <a className="mt-1 inline-block text-blue-800 underline" href={`/api/v1/attachments/${status.screenshotId}`} target="_blank" rel="noreferrer">
                View screenshot<span className="sr-only"> of {status.title} (opens in a new tab)</span>
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
