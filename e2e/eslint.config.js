import base from "@jpki-sandbox/eslint-config";

export default [...base, { ignores: ["test-results/**", "playwright-report/**", ".reports/**"] }];
