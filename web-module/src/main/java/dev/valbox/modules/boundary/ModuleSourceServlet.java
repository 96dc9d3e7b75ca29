package dev.valbox.modules.boundary;

import dev.valbox.accounts.control.Caller;
import dev.valbox.modules.control.ImportSpecifier;
import dev.valbox.problems.boundary.PlainText;
import dev.valbox.problems.entity.ValboxException;
import dev.valbox.tokens.control.Bearer;
import dev.valbox.tokens.control.Tokens;
import dev.valbox.vals.control.Vals;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET {site}/v/{user}/{val}[?v=N]}, in every spelling an import may use ({@code /main.ts}, {@code @N}; see
 * {@link ImportSpecifier}): a val's source, as an importer sees it, under the privacy rules of the
 * API (a private val only with its author's API token). Always plain text that browsers may not sniff or run: the
 * site never serves a val's code as a page.
 */
@WebServlet("/v/*")
public class ModuleSourceServlet extends HttpServlet {

    @Inject
    Vals vals;

    @Inject
    Tokens tokens;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Source is text to import, never a page to render, whatever it holds.
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'; frame-ancestors 'none'");
        var query = request.getQueryString();
        var specifier = ImportSpecifier.ofPath("/v" + (request.getPathInfo() == null ? "" : request.getPathInfo())
                + (query == null ? "" : "?" + query));
        if (specifier.isEmpty()) {
            PlainText.write(response, 404, "not found");
            return;
        }
        try {
            var found = vals.source(
                    caller(request),
                    specifier.get().username(),
                    specifier.get().valName(),
                    specifier.get().version());
            PlainText.verbatim(response, found.code());
        } catch (ValboxException e) {
            PlainText.error(response, e);
        }
    }

    private Caller caller(HttpServletRequest request) {
        return Bearer.token(request.getHeader("Authorization"))
                .map(tokens::authenticate)
                .orElse(Caller.ANONYMOUS);
    }
}
