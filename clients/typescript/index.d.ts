export * as agreements from "./agreements";
export * as groups from "./groups";
export * as staffing from "./staffing";
export * as finance from "./finance";
