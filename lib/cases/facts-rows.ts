import type { CaseFacts } from "@/lib/facts/schema";
import type { Case, Customer, Device, StatusObservation } from "@/lib/db/generated/client";

// Maps between the facts object (SPEC §2, what the API and the rule engine read) and the rows
// that store it: case-level columns on Case, one Device row per device, one StatusObservation per message.

export type CaseFactColumns = Pick<
  Case,
  | "problemSince"
  | "appleIdConsistent"
  | "appleSystemStatus"
  | "libraryItemCount"
  | "librarySizeGb"
  | "libraryHasLargeFiles"
  | "icloudTotalGb"
  | "icloudFreeGb"
  | "symptoms"
>;

/** The columns the facts are made of (no keys beyond those), so set-based readers can select just these. */
export type DeviceFactColumns = Omit<Device, "tenantId" | "id" | "caseId">;
export type StatusFactColumns = Pick<StatusObservation, "id" | "deviceKey" | "message" | "text" | "observedAt" | "screenshotId">;

export interface FactRows {
  caseRow: CaseFactColumns;
  customer: Pick<Customer, "name" | "email">;
  devices: DeviceFactColumns[];
  statusMessages: StatusFactColumns[];
}

export function factsFromRows({ caseRow, customer, devices, statusMessages }: FactRows): CaseFacts {
  return {
    customer: { name: customer.name, email: customer.email },
    problemSince: caseRow.problemSince.toISOString(),
    appleIdConsistent: caseRow.appleIdConsistent,
    appleSystemStatus: caseRow.appleSystemStatus,
    library: {
      itemCount: caseRow.libraryItemCount,
      sizeGb: caseRow.librarySizeGb,
      hasLargeFiles: caseRow.libraryHasLargeFiles,
    },
    icloudStorage: { totalGb: caseRow.icloudTotalGb, freeGb: caseRow.icloudFreeGb },
    devices: [...devices]
      .sort((a, b) => a.position - b.position)
      .map((d) => ({
        key: d.key,
        platform: d.platform,
        model: d.model,
        osVersion: d.osVersion,
        icloudForWindowsVersion: d.icloudForWindowsVersion,
        icloudPhotosEnabled: d.icloudPhotosEnabled,
        storageMode: d.storageMode,
        freeStorageGb: d.freeStorageGb,
        lowPowerMode: d.lowPowerMode,
        pluggedIn: d.pluggedIn,
        network: d.network,
        vpn: d.vpn,
        cellularDataForPhotos: d.cellularDataForPhotos,
        finderSync: d.finderSync,
        dateTimeAutomatic: d.dateTimeAutomatic,
      })),
    statusMessages: [...statusMessages]
      .sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime() || a.id.localeCompare(b.id))
      .map((s) => ({
        deviceKey: s.deviceKey,
        message: s.message,
        text: s.text,
        observedAt: s.observedAt.toISOString(),
        screenshotId: s.screenshotId,
      })),
    symptoms: [...caseRow.symptoms],
  };
}

/** Case columns for validated facts; `problemSince` must already be resolved (null means "intake time"). */
export function caseColumnsFromFacts(facts: CaseFacts, intakeTime: Date): CaseFactColumns {
  return {
    problemSince: facts.problemSince ? new Date(facts.problemSince) : intakeTime,
    appleIdConsistent: facts.appleIdConsistent,
    appleSystemStatus: facts.appleSystemStatus,
    libraryItemCount: facts.library.itemCount,
    librarySizeGb: facts.library.sizeGb,
    libraryHasLargeFiles: facts.library.hasLargeFiles,
    icloudTotalGb: facts.icloudStorage.totalGb,
    icloudFreeGb: facts.icloudStorage.freeGb,
    symptoms: facts.symptoms,
  };
}

export function deviceRows(tenantId: string, caseId: string, facts: CaseFacts) {
  return facts.devices.map((device, position) => ({ tenantId, caseId, position, ...device }));
}

export function statusMessageRows(tenantId: string, caseId: string, facts: CaseFacts) {
  return facts.statusMessages.map((status) => ({
    tenantId,
    caseId,
    deviceKey: status.deviceKey,
    message: status.message,
    text: status.text,
    observedAt: new Date(status.observedAt),
    screenshotId: status.screenshotId,
  }));
}
