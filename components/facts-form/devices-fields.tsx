"use client";

import { NETWORKS, PLATFORMS, STORAGE_MODES, type Platform } from "@/lib/facts/schema";
import { NETWORK_LABELS, PLATFORM_LABELS, STORAGE_MODE_LABELS } from "@/lib/facts/labels";
import { SelectField, TextField, TriStateField } from "@/components/ui/fields";
import { deviceLabel, emptyDevice, isMobile, nextDeviceKey, type DeviceDraft } from "@/components/facts-form/draft";
import { fieldId } from "@/components/facts-form/field-errors";
import type { FactsFieldsProps } from "@/components/facts-form/facts-fields";

const UNKNOWN = { value: "" as const, label: "Unknown" };

export function DevicesFields({ draft, update, errors }: FactsFieldsProps) {
  const setDevice = (index: number, patch: Partial<DeviceDraft>) =>
    update((d) => ({ ...d, devices: d.devices.map((device, i) => (i === index ? { ...device, ...patch } : device)) }));

  const addDevice = () => update((d) => ({ ...d, devices: [...d.devices, emptyDevice(nextDeviceKey(d.devices))] }));

  // A removed device takes its status messages with it (they would point at nothing).
  const removeDevice = (index: number) =>
    update((d) => {
      const removed = d.devices[index];
      return {
        ...d,
        devices: d.devices.filter((_, i) => i !== index),
        statusMessages: d.statusMessages.filter((status) => status.deviceKey !== removed?.key),
      };
    });

  const sectionErrors = errors.get("devices");

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby={fieldId("devices")}>
      <div className="flex items-center justify-between">
        <h2 id={fieldId("devices")} tabIndex={-1} className="text-base font-semibold">Devices</h2>
        <button type="button" onClick={addDevice}
          className="rounded-md border border-blue-700 px-3 py-1.5 text-sm font-medium text-blue-800 hover:bg-blue-50">
          Add a device
        </button>
      </div>
      {sectionErrors ? <p className="mt-2 text-sm font-medium text-red-800">{sectionErrors.join(" ")}</p> : null}
      <ol className="mt-4 space-y-5">
        {draft.devices.map((device, index) => {
          const path = (field: string) => `devices.${index}.${field}`;
          const id = (field: string) => fieldId(path(field));
          const err = (field: string) => errors.get(path(field));
          const name = deviceLabel(device, index);
          return (
            <li key={device.key}>
              <fieldset className="rounded-md border border-slate-300 p-4" id={fieldId(`devices.${index}`)} tabIndex={-1}>
                <legend className="px-1 text-sm font-semibold">Device {name}</legend>
                {errors.get(`devices.${index}`) ? (
                  <p className="text-sm font-medium text-red-800">{errors.get(`devices.${index}`)!.join(" ")}</p>
                ) : null}
                <div className="grid gap-4 sm:grid-cols-3">
                  <SelectField<Platform | ""> id={id("platform")} label="Platform" required
                    value={device.platform} onValue={(platform) => setDevice(index, { platform })} errors={err("platform") ?? err("key")}
                    options={[{ value: "", label: "Choose a platform" }, ...PLATFORMS.map((value) => ({ value, label: PLATFORM_LABELS[value] }))]} />
                  <TextField id={id("model")} label="Model" placeholder="e.g. iPhone 15 Pro" autoComplete="off"
                    value={device.model} onValue={(model) => setDevice(index, { model })} errors={err("model")} />
                  <TextField id={id("osVersion")} label="OS version" placeholder="e.g. 17.5.1" autoComplete="off" inputMode="decimal"
                    value={device.osVersion} onValue={(osVersion) => setDevice(index, { osVersion })} errors={err("osVersion")} />
                  {device.platform === "windows" ? (
                    <TextField id={id("icloudForWindowsVersion")} label="iCloud for Windows version" autoComplete="off" inputMode="decimal"
                      value={device.icloudForWindowsVersion} onValue={(v) => setDevice(index, { icloudForWindowsVersion: v })}
                      errors={err("icloudForWindowsVersion")} />
                  ) : null}
                  <TriStateField id={id("icloudPhotosEnabled")} label="iCloud Photos turned on?"
                    value={device.icloudPhotosEnabled} onValue={(v) => setDevice(index, { icloudPhotosEnabled: v })} errors={err("icloudPhotosEnabled")} />
                  <SelectField id={id("storageMode")} label="Storage setting"
                    value={device.storageMode} onValue={(storageMode) => setDevice(index, { storageMode })} errors={err("storageMode")}
                    options={[UNKNOWN, ...STORAGE_MODES.map((value) => ({ value, label: STORAGE_MODE_LABELS[value] }))]} />
                  <TextField id={id("freeStorageGb")} label="Free space on the device (GB)" inputMode="decimal"
                    value={device.freeStorageGb} onValue={(v) => setDevice(index, { freeStorageGb: v })} errors={err("freeStorageGb")} />
                  <SelectField id={id("network")} label="Network"
                    value={device.network} onValue={(network) => setDevice(index, { network })} errors={err("network")}
                    options={[UNKNOWN, ...NETWORKS.map((value) => ({ value, label: NETWORK_LABELS[value] }))]} />
                  <TriStateField id={id("lowPowerMode")} label="Low Power Mode on?"
                    value={device.lowPowerMode} onValue={(v) => setDevice(index, { lowPowerMode: v })} errors={err("lowPowerMode")} />
                  <TriStateField id={id("pluggedIn")} label="Plugged in?"
                    value={device.pluggedIn} onValue={(v) => setDevice(index, { pluggedIn: v })} errors={err("pluggedIn")} />
                  <TriStateField id={id("vpn")} label="VPN or firewall profile?"
                    value={device.vpn} onValue={(v) => setDevice(index, { vpn: v })} errors={err("vpn")} />
                  <TriStateField id={id("dateTimeAutomatic")} label="Date and time set automatically?"
                    value={device.dateTimeAutomatic} onValue={(v) => setDevice(index, { dateTimeAutomatic: v })} errors={err("dateTimeAutomatic")} />
                  {isMobile(device) ? (
                    <>
                      <TriStateField id={id("cellularDataForPhotos")} label="Cellular data allowed for Photos?"
                        value={device.cellularDataForPhotos} onValue={(v) => setDevice(index, { cellularDataForPhotos: v })}
                        errors={err("cellularDataForPhotos")} />
                      <TriStateField id={id("finderSync")} label="Also synced through Finder?"
                        value={device.finderSync} onValue={(v) => setDevice(index, { finderSync: v })} errors={err("finderSync")} />
                    </>
                  ) : null}
                </div>
                {draft.devices.length > 1 ? (
                  <button type="button" onClick={() => removeDevice(index)}
                    className="mt-4 rounded-md border border-red-700 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50">
                    Remove device {name}
                  </button>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
