package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** URLPattern, each case answering as Deno 2.9 does (its answers were taken by running the same code in Deno). */
class UrlPatternTest {

    private final Vals vals = new Vals();

    private Object json(String expression) {
        Map<String, Object> result = vals.call("export default () => JSON.stringify(" + expression + ")");
        assertEquals("ok", result.get("status"), () -> "run failed: " + result);
        return result.get("value");
    }

    @Test
    void aPathnamePatternMatchesWithNamedGroups() {
        assertEquals(
                "[\"/books/:id\",\"*\",\"*\",\"*\",true,false,{\"input\":\"/books/123\",\"groups\":{\"id\":\"123\"}}]",
                json("(p => [p.pathname, p.protocol, p.hostname, p.search, p.test('https://example.com/books/123'),"
                        + " p.test('https://example.com/books/123/x'), p.exec('https://example.com/books/123')?.pathname])"
                        + "(new URLPattern({ pathname: '/books/:id' }))"));
    }

    @Test
    void execAnswersEveryComponentWithWildcardGroups() {
        assertEquals(
                "[[\"https://example.com/books/123?x=1#h\"],{\"input\":\"https\",\"groups\":{\"0\":\"https\"}},"
                        + "{\"input\":\"example.com\",\"groups\":{\"0\":\"example.com\"}},{\"input\":\"x=1\",\"groups\":{\"0\":\"x=1\"}},"
                        + "{\"input\":\"h\",\"groups\":{\"0\":\"h\"}},{\"input\":\"\",\"groups\":{\"0\":\"\"}}]",
                json("(r => [r.inputs, r.protocol, r.hostname, r.search, r.hash, r.port])(new URLPattern({ pathname:"
                        + " '/books/:id' }).exec('https://example.com/books/123?x=1#h'))"));
    }

    @Test
    void aRelativePatternStringTakesItsOriginFromTheBaseUrl() {
        assertEquals(
                "[\"https\",\"x.test\",\"/api/:version/*\",\"*\",\"*\",\"\",{\"0\":\"users/5\",\"version\":\"v1\"},false]",
                json("(p => [p.protocol, p.hostname, p.pathname, p.search, p.hash, p.port,"
                        + " p.exec('https://x.test/api/v1/users/5')?.pathname.groups, p.test('https://y.test/api/v1/a')])"
                        + "(new URLPattern('/api/:version/*', 'https://x.test'))"));
    }

    @Test
    void aFullPatternStringWithHostnameWildcardsAndRepeatedGroups() {
        assertEquals(
                "[\"*.example.com\",\"/:path*\",\"*\",{\"0\":\"a.b\"},{\"path\":\"x/y/z\"},null]",
                json(
                        "(p => [p.hostname, p.pathname, p.search, p.exec('https://a.b.example.com/x/y/z')?.hostname.groups,"
                                + " p.exec('https://a.example.com/x/y/z')?.pathname.groups, p.exec('https://a.example.com/') ?? null])"
                                + "(new URLPattern('https://*.example.com/:path*'))"));
    }

    @Test
    void regexGroupsModifiersAndBraces() {
        assertEquals(
                "[true,false,{},{\"slug\":\"x\"},{\"rest\":\"a/b\"},false,true,true,false,{\"0\":\"bar\",\"x\":\"1\"},"
                        + "{\"0\":\"a/b\"},true,true,true,{\"q\":\"hi\"}]",
                json("[new URLPattern({ pathname: '/books/:id(\\\\d+)' }).test('http://h/books/12'),"
                        + " new URLPattern({ pathname: '/books/:id(\\\\d+)' }).test('http://h/books/ab'),"
                        + " new URLPattern({ pathname: '/post/:slug?' }).exec('http://h/post')?.pathname.groups,"
                        + " new URLPattern({ pathname: '/post/:slug?' }).exec('http://h/post/x')?.pathname.groups,"
                        + " new URLPattern({ pathname: '/files/:rest+' }).exec('http://h/files/a/b')?.pathname.groups,"
                        + " new URLPattern({ pathname: '/files/:rest+' }).test('http://h/files'),"
                        + " new URLPattern({ pathname: '/foo{/bar}?' }).test('http://h/foo'),"
                        + " new URLPattern({ pathname: '/foo{/bar}?' }).test('http://h/foo/bar'),"
                        + " new URLPattern({ pathname: '/foo{/bar}?' }).test('http://h/foo/baz'),"
                        + " new URLPattern({ pathname: '/(foo|bar)/:x' }).exec('http://h/bar/1')?.pathname.groups,"
                        + " new URLPattern({ pathname: '/*.png' }).exec('http://h/a/b.png')?.pathname.groups,"
                        + " new URLPattern({ hostname: '{*.}?example.com' }).test('https://example.com/x'),"
                        + " new URLPattern({ hostname: '{*.}?example.com' }).test('https://www.example.com/x'),"
                        + " new URLPattern({ pathname: '/Books/:id' }, { ignoreCase: true }).test('http://h/books/1'),"
                        + " new URLPattern({ search: 'q=:q' }).exec('http://h/?q=hi')?.search.groups]"));
    }

    @Test
    void inputsMayBeInitObjectsOrRelativeUrlsWithABase() {
        assertEquals(
                List.of(true, Map.of("id", "9"), true, "TypeError", false),
                vals.call("export default () => { const p = new URLPattern({ pathname: '/books/:id' }); let err;"
                                + " try { new URLPattern({ pathname: '/:id(' }) } catch (e) { err = e.name }"
                                + " return [p.test({ pathname: '/books/9' }), p.exec({ pathname: '/books/9' })!.pathname.groups,"
                                + " p.test('/books/1', 'http://h'), err, p.hasRegExpGroups] }")
                        .get("value"));
    }
}
