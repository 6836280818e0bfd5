import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { api } from "./api";
import "./styles.css";

// The session (cookie + CSRF token) is fetched once at start; a failure here is retried by the first POST.
api.session().catch(() => undefined);

const root = document.getElementById("root");
if (root === null) throw new Error("#root missing from index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
