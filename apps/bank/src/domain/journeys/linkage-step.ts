/** ⑦: the S serial to J-LIS's linkage service (linkage 1), answered with the holder's current R serial. */
import type { JlisServices } from "../ports.js";
import type { StepLog } from "./steps.js";

export function askUserAuthSerial(log: StepLog, jlis: JlisServices, signingSerial: string): Promise<string> {
  return log.run("linkageRequest", (step) => {
    step.message("linkage request (S serial → R serial)", "text/plain", `GET /linkage/v1/signing-certificates/${signingSerial}/user-auth-certificate`);
    return step.check("J-LIS's linkage service answers the holder's current R serial", () => jlis.userAuthSerialOf(signingSerial), (r) => `R serial ${r}`);
  });
}
