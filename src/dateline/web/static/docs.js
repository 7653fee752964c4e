// The API reference, drawn from /openapi.json with this server's own script (FastAPI's
// /docs page would load Swagger UI from a CDN). Every text goes in with textContent.
"use strict";

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

function parameterTable(parameters) {
  const table = el("table");
  const head = el("tr");
  for (const name of ["parameter", "in", "type", "required", "description"]) head.append(el("th", name));
  table.append(head);
  for (const p of parameters) {
    const schema = p.schema || {};
    const type = schema.type || (schema.anyOf || []).map((s) => s.type).filter(Boolean).join(" | ");
    const row = el("tr");
    for (const cell of [p.name, p.in, type, p.required ? "yes" : "no", p.description || ""]) {
      row.append(el("td", cell));
    }
    table.append(row);
  }
  return table;
}

async function draw() {
  const main = document.getElementById("endpoints");
  const spec = await (await fetch("/openapi.json")).json();
  main.replaceChildren(el("p", spec.info.description || ""));
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const section = el("section", null, "endpoint");
      section.append(el("h2", method.toUpperCase() + " " + path));
      section.append(el("p", op.description || op.summary || ""));
      if (op.parameters && op.parameters.length) section.append(parameterTable(op.parameters));
      main.append(section);
    }
  }
}

draw().catch((err) => {
  document.getElementById("endpoints").replaceChildren(el("p", "cannot read /openapi.json: " + err));
});
