import { mountApp } from "@jpki-sandbox/web-kit";
import { App } from "./App";
import { api } from "./api";
import { PROBLEM_TEXTS } from "./lib/problem";
import "@jpki-sandbox/web-kit/styles.css";
import "./styles.css";

// The session (cookie + CSRF token) is fetched once at start; a failure here is retried by the first POST.
api.session().catch(() => undefined);

mountApp(<App />, PROBLEM_TEXTS);
