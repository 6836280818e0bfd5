export { default } from "@jpki-sandbox/eslint-config";
