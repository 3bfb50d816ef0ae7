// Jejak's GraphiQL: renders the IDE from the settings the page carries (no inline script, so
// the page's Content-Security-Policy allows scripts from this server only).
(function () {
  "use strict";
  var settings = JSON.parse(document.getElementById("jejak-graphiql-settings").textContent);
  var endpoint = window.location.href.split(/[?#]/)[0];
  var http = GraphiQL.createFetcher({ url: endpoint });
  // GraphiQL asks for the schema once before its headers editor exists, so without headers:
  // that request gets the page's (its token, if any); later ones send the editor's.
  function fetcher(params, options) {
    if (settings.headers && params.operationName === "IntrospectionQuery" &&
        !(options && options.headers)) {
      options = Object.assign({}, options, { headers: JSON.parse(settings.headers) });
    }
    return http(params, options);
  }
  var tabs = settings.tabs.map(function (tab) {
    return { query: tab.query, variables: tab.variables, headers: settings.headers };
  });
  var props = {
    fetcher: fetcher,
    plugins: [GraphiQLPluginExplorer.explorerPlugin()],
    defaultTabs: tabs,
    // The first example, every visit: GraphiQL reopens the stored tab holding it (or adds it
    // beside the visitor's own), and fills the variables editor, which defaultTabs does not.
    query: tabs[0].query,
    variables: tabs[0].variables,
    defaultHeaders: settings.headers,
    defaultEditorToolsVisibility: true,
    isHeadersEditorEnabled: true,
    // Tokens stay out of localStorage: a reload brings a fresh development token, or none.
    shouldPersistHeaders: false,
    inputValueDeprecation: true,
  };
  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(GraphiQL, props),
  );
})();
