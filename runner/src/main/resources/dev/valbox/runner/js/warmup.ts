// Compiled once by the warmup op so that TypeScript has JIT-compiled its own code before the first save.
import { helper } from "https://esm.town/v/std/example";

interface Greeting {
    name: string;
    count?: number;
}

export class Greeter {
    constructor(private readonly greeting: Greeting) {}

    async greet(...names: string[]): Promise<string> {
        const { name, count = 1 } = this.greeting;
        const all = [...names, name].map((n) => `${n}!`);
        for (const part of all) {
            await helper?.(part);
        }
        return all.join(" ").repeat(count ?? 1);
    }
}

export default async function (req: Request): Promise<Response> {
    const body = { ...(await req.json()), ok: true };
    return Response.json(body);
}
