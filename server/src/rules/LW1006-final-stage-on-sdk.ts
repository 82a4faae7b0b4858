import { defineRule } from '../engine/rule';
import { MULTI_STAGE_SNIPPETS, classifyImage } from '../engine/image';
import { rootImage } from '../engine/user';

/** Runtime images to suggest, by toolchain. */
const RUNTIMES: Record<string, string> = {
  go: '`gcr.io/distroless/static-debian12` or `scratch` (with CGO_ENABLED=0)',
  rust: '`gcr.io/distroless/cc-debian12` (or `static` for a musl build)',
  java: 'a JRE: `eclipse-temurin:21-jre` or `gcr.io/distroless/java21-debian12`',
  dotnet: '`mcr.microsoft.com/dotnet/aspnet` or `mcr.microsoft.com/dotnet/runtime` of the same version',
  c: '`debian:bookworm-slim` or `gcr.io/distroless/cc-debian12`',
};

export default defineRule({
  meta: {
    code: 'LW1006',
    name: 'final-stage-on-sdk',
    aliases: [],
    severity: 'warning',
    category: 'size',
    enabledByDefault: true,
    fixable: 'none',
    docs: {
      what: 'Flags a multi-stage build whose final stage (the image that ships) is based on a build toolchain image: `golang`, `rust`, `maven`, `gradle`, `gcc`, `buildpack-deps` or `mcr.microsoft.com/dotnet/sdk`, directly or through the stages it builds on.',
      why: 'Multi-stage builds exist to keep build tools out of the final image. When the last stage still starts from the SDK, the compiler, the package caches and often the sources ship to production anyway: hundreds of megabytes and hundreds of packages that need patching, for nothing the application uses at run time. The final stage should start from a runtime image and copy the build output in.',
      bad: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM golang:1.22\nCOPY --from=build /out/app /app\nCMD ["/app"]\n',
      good: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nCMD ["/app"]\n',
      fix: 'None automatic: the runtime image depends on what the program needs (a C library, a JRE, the ASP.NET runtime). The message names the usual choice for the toolchain and, for Go, Java and Rust, the VS Code extension\'s multi-stage template (`lw-go`, `lw-java`, `lw-rust`).',
      notes: 'Single-stage builds are LW1005\'s (info). Language images that have a slimmer runtime variant (`node`, `python`, `ruby`, JDK images) are LW1007\'s. A final stage built on an earlier stage (`FROM build AS test` last) is judged by the image at the bottom of that chain, which is usually a mistake in the stage order: put the runtime stage last, or build with `--target`. Images whose ARG has no known value are not judged. No reference tool has this rule.',
    },
  },
  check(model) {
    if (model.stages.length < 2) return [];
    const final = model.stages[model.stages.length - 1];
    const img = rootImage(final);
    const c = classifyImage(img);
    if (c.kind !== 'sdk') return [];
    const word = final.from.args[0];
    if (!word) return [];
    const via = final.baseStage ? ` (through stage ${final.baseStage.name ?? final.baseStage.index})` : '';
    const runtime = RUNTIMES[c.toolchain ?? ''];
    const snippet = MULTI_STAGE_SNIPPETS[c.toolchain ?? ''];
    return [{
      range: word.range,
      message: `The final stage is based on the build image ${img.resolved}${via}, so the toolchain ships in the image: start it from a runtime image${runtime ? ` (${runtime})` : ''} and copy the build output in${snippet ? ` (the ${snippet} snippet is a template)` : ''}`,
    }];
  },
});
