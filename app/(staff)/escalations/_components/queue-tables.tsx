import Link from "next/link";
import type { ReactNode } from "react";
import { PLATFORM_LABELS } from "@/lib/facts/labels";
import type { AwaitingReviewItem, ReadyItem } from "@/lib/escalation/escalation-queue";
import { ReturnedBadge, StatusBadge } from "@/components/case/badges";
import { formatDateTime, problemAge } from "@/components/case/format";

// The two tables of the queue: plain server-rendered tables whose first cell is a link, so the
// queue is worked with Tab and Enter; a caption names each table for screen readers.

function Devices({ devices }: { devices: AwaitingReviewItem["devices"] }) {
  return (
    <ul>
      {devices.map((device, index) => (
        <li key={index}>
          {device.model ?? "Model unknown"} <span className="text-xs text-slate-600">({PLATFORM_LABELS[device.platform]}{device.osVersion ? ` ${device.osVersion}` : ", OS unknown"})</span>
        </li>
      ))}
    </ul>
  );
}

function Customer({ customer }: { customer: AwaitingReviewItem["customer"] }) {
  return (
    <>
      <span className="block">{customer.name}</span>
      {customer.email ? <span className="block text-xs text-slate-600">{customer.email}</span> : null}
    </>
  );
}

function QueueTable({ caption, head, empty, children, count }: { caption: string; head: string[]; empty: string; children: ReactNode; count: number }) {
  if (count === 0) return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>{head.map((label) => <th key={label} scope="col" className="p-2 font-medium">{label}</th>)}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function AwaitingReviewTable({ items }: { items: AwaitingReviewItem[] }) {
  return (
    <QueueTable caption="Cases awaiting review, oldest submission first" count={items.length} empty="Nothing awaits review."
      head={["Case", "Customer", "Devices", "Submitted", "Problem age", "Notes"]}>
      {items.map((item) => (
        <tr key={item.id} className="border-t border-slate-200 align-top" data-case-id={item.id}>
          <th scope="row" className="p-2 font-medium">
            <Link href={`/escalations/${item.id}`} className="text-blue-800 underline">Review {item.displayNumber}</Link>
          </th>
          <td className="p-2"><Customer customer={item.customer} /></td>
          <td className="p-2"><Devices devices={item.devices} /></td>
          <td className="p-2">{formatDateTime(item.submittedAt)}<span className="block text-xs text-slate-600">by {item.submittedBy}</span></td>
          <td className="p-2"><span title={formatDateTime(item.problemSince)}>{problemAge(item.problemSince)}</span></td>
          <td className="p-2">
            {item.overridden ? <span className="mr-1 rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Override</span> : null}
            {item.changedSinceSubmission ? <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-900">Changed since submission</span> : null}
          </td>
        </tr>
      ))}
    </QueueTable>
  );
}

export function ReadyTable({ items }: { items: ReadyItem[] }) {
  return (
    <QueueTable caption="Ready cases not submitted, ready the longest first" count={items.length} empty="No ready case waits for a submission."
      head={["Case", "Customer", "Devices", "Ready since", "Problem age", "Status", "Assignee"]}>
      {items.map((item) => (
        <tr key={item.id} className="border-t border-slate-200 align-top" data-case-id={item.id}>
          <th scope="row" className="p-2 font-medium">
            <Link href={`/cases/${item.id}`} className="text-blue-800 underline">{item.displayNumber}</Link>
          </th>
          <td className="p-2"><Customer customer={item.customer} /></td>
          <td className="p-2"><Devices devices={item.devices} /></td>
          <td className="p-2">{formatDateTime(item.readySince)}</td>
          <td className="p-2"><span title={formatDateTime(item.problemSince)}>{problemAge(item.problemSince)}</span></td>
          <td className="p-2">
            <span className="flex flex-wrap gap-1"><StatusBadge status={item.status} />{item.returned ? <ReturnedBadge /> : null}</span>
          </td>
          <td className="p-2">{item.assignee ?? "Unassigned"}</td>
        </tr>
      ))}
    </QueueTable>
  );
}
