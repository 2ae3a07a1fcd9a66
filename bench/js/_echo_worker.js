self.onmessage = (e) => postMessage(e.data);
