/**
 * Imports a module that another helper may not have written yet (seed, ws). Only "this very file
 * is missing" is tolerated; errors inside an existing module still surface.
 */
export async function importOptional<T>(specifier: string, from: string): Promise<T | null> {
  const url = new URL(specifier, from);
  try {
    return (await import(url.href)) as T;
  } catch (err) {
    const e = err as { code?: string; message?: string; url?: string };
    const missing = e.code === "ERR_MODULE_NOT_FOUND" || /Cannot find module/.test(e.message ?? "");
    const base = url.pathname.replace(/\.js$/, "");
    if (missing && (e.message ?? "").includes(base.slice(base.lastIndexOf("/") + 1))) return null;
    throw err;
  }
}
