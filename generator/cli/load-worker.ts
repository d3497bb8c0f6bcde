/**
 * Loads one docs folder into a model graph in a worker thread, so `docschema diff` parses its two sides at the
 * same time, one core each. The graph travels back by structured clone: it is plain data by design.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadGraph } from "../model/load.js";

parentPort!.postMessage(await loadGraph(workerData as string));
