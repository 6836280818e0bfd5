import base from "@jpki-sandbox/eslint-config";

export default [...base, { ignores: ["src/generated/**", "dist/**"] }];
