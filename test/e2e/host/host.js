// Nothing to do: see package.json.
exports.activate = () => {};
