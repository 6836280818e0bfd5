import { mountApp } from "@jpki-sandbox/web-kit";
import { App } from "./App";
import { PROBLEM_TEXTS } from "./lib/problem";
import "@jpki-sandbox/web-kit/styles.css";
import "./styles.css";

mountApp(<App />, PROBLEM_TEXTS);
