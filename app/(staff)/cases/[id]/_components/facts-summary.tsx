import type { CaseFacts } from "@/lib/facts/schema";
import {
  APPLE_SYSTEM_STATUS_LABELS, NETWORK_LABELS, PLATFORM_LABELS, STORAGE_MODE_LABELS, SYMPTOM_LABELS,
} from "@/lib/facts/labels";
import { formatDateTime } from "@/components/case/format";

const yesNo = (value: boolean | null) => (value === true ? "Yes" : value === false ? "No" : "Unknown");
const num = (value: number | null, unit = "") => (value === null ? "Unknown" : `${value.toLocaleString("en")}${unit}`);

/** The facts, read-only. Unknown is shown as "Unknown", never as a blank. */
export function FactsSummary({ facts }: { facts: CaseFacts }) {
  const rows: [string, string][] = [
    ["Customer", `${facts.customer.name}${facts.customer.email ? ` <${facts.customer.email}>` : ""}`],
    ["Problem seen since", formatDateTime(facts.problemSince)],
    ["Same Apple ID on every device", yesNo(facts.appleIdConsistent)],
    ["Apple system status", APPLE_SYSTEM_STATUS_LABELS[facts.appleSystemStatus]],
    ["Library", `${num(facts.library.itemCount, " items")} · ${num(facts.library.sizeGb, " GB")} · large files: ${yesNo(facts.library.hasLargeFiles)}`],
    ["iCloud storage", `${num(facts.icloudStorage.freeGb, " GB")} free of ${num(facts.icloudStorage.totalGb, " GB")}`],
    ["Symptoms", facts.symptoms.length ? facts.symptoms.map((s) => SYMPTOM_LABELS[s]).join("; ") : "None recorded"],
  ];
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-700">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="overflow-x-auto focus:outline-none focus:ring-2 focus:ring-blue-600" tabIndex={0} role="region" aria-label="Devices (scrolls sideways)">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="text-left text-sm font-semibold">Devices</caption>
          <thead className="bg-slate-100">
            <tr>
              {["Device", "OS", "iCloud Photos", "Storage", "Free", "Network", "Low Power", "Plugged in", "VPN", "Auto time"].map((h) => (
                <th key={h} scope="col" className="p-2 font-medium">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {facts.devices.map((d) => (
              <tr key={d.key} className="border-t border-slate-200">
                <th scope="row" className="p-2 text-left font-medium">{d.model ?? "Model unknown"} <span className="font-normal text-slate-600">({PLATFORM_LABELS[d.platform]})</span></th>
                <td className="p-2">{d.osVersion ?? "Unknown"}{d.icloudForWindowsVersion ? ` · iCloud ${d.icloudForWindowsVersion}` : ""}</td>
                <td className="p-2">{yesNo(d.icloudPhotosEnabled)}</td>
                <td className="p-2">{d.storageMode ? STORAGE_MODE_LABELS[d.storageMode] : "Unknown"}</td>
                <td className="p-2">{num(d.freeStorageGb, " GB")}</td>
                <td className="p-2">{d.network ? NETWORK_LABELS[d.network] : "Unknown"}</td>
                <td className="p-2">{yesNo(d.lowPowerMode)}</td>
                <td className="p-2">{yesNo(d.pluggedIn)}</td>
                <td className="p-2">{yesNo(d.vpn)}</td>
                <td className="p-2">{yesNo(d.dateTimeAutomatic)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
