package io.flowhub.testing;

/** Connection-string surgery for tests that must keep to a database of their own. */
final class MongoUris {

    private MongoUris() {
    }

    /** @return {@code uri} with its database (the path after the hosts) replaced by {@code database} */
    static String withDatabase(String uri, String database) {
        int query = uri.indexOf('?');
        String base = query < 0 ? uri : uri.substring(0, query);
        String options = query < 0 ? "" : uri.substring(query);
        int hostsStart = base.indexOf("://") + 3;
        int path = base.indexOf('/', hostsStart);
        String hosts = path < 0 ? base : base.substring(0, path);
        return hosts + "/" + database + options;
    }
}
