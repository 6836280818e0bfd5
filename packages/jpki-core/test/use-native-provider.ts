import { useCryptoProvider } from "../src/crypto/provider.js";
useCryptoProvider("native");
