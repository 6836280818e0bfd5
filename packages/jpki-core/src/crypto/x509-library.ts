/**
 * @peculiar/x509 needs the reflect-metadata polyfill loaded before it; every jpki-core module imports the
 * library through here so the order can never be wrong.
 */
import "reflect-metadata";
import * as x509 from "@peculiar/x509";

export { x509 };
