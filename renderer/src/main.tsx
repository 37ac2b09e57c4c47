document.getElementById('root')!.textContent = 'Cuecart';
