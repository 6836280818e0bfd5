import { useCryptoProvider } from "../src/crypto/provider.js";
useCryptoProvider("peculiar");
